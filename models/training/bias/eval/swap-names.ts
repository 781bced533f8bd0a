import { hashFeature } from '../../../../shared/lite/bias-classifier/hash-feature';
import { looksLikeName } from '../../../../shared/lite/match-bias-cues';
import { tokenizeWords } from '../../../../shared/text/tokenize-words';

/**
 * Names frequent in English news, written for this evaluation (people, places, organisations):
 * CNN/DailyMail's text is lower-cased, so its names cannot be told by their capitals.
 */
const PROMINENT = new Set(
  (
    'obama trump clinton hillary biden sanders bernie putin merkel johnson bush cruz pelosi mcconnell harris romney warren ' +
    'macron netanyahu zelensky modi erdogan assad kim jong francis boris theresa may cameron blair corbyn farage sturgeon ' +
    'london washington california texas florida ohio iowa york paris berlin moscow beijing china russia america britain ' +
    'england scotland ireland france germany iran iraq israel syria mexico canada australia europe ukraine brussels ' +
    'cnn fox nbc bbc google facebook apple twitter amazon microsoft nasa fbi cia nhs congress senate republicans democrats ' +
    'manchester chelsea arsenal liverpool barcelona madrid'
  ).split(/\s+/u),
);

const SYLLABLES = ['zor', 'vel', 'tam', 'brix', 'nol', 'quen', 'dar', 'ulv', 'pim', 'sark', 'ostr', 'fen', 'gral', 'wyd', 'hax', 'lum'];

/** A made-up name for `word`, the same for every occurrence, in the same case. */
export function madeUpName(word: string): string {
  const h = hashFeature(word.toLowerCase(), 0x9e3779b9, 1 << 20);
  const name = `${SYLLABLES[h % SYLLABLES.length]}${SYLLABLES[(h >> 4) % SYLLABLES.length]}${h % 3 === 0 ? 'an' : ''}`;
  if (word === word.toUpperCase() && word.length > 1) return name.toUpperCase();
  return /^\p{Lu}/u.test(word) ? name[0]!.toUpperCase() + name.slice(1) : name;
}

/**
 * `sentence` with its names replaced by made-up ones: words that read as names (capitalised
 * inside the sentence, or all capitals), and the prominent names above wherever they stand and
 * whatever their case. Returns the new sentence and how many words changed.
 */
export function swapNames(sentence: string): { text: string; swapped: number } {
  let out = '';
  let at = 0;
  let swapped = 0;
  let initial = true;
  for (const token of tokenizeWords(sentence)) {
    const isWord = /\p{L}/u.test(token.text);
    if (isWord && token.text !== 'I' && (looksLikeName(token.text, initial) || PROMINENT.has(token.text.toLowerCase()))) {
      out += sentence.slice(at, token.start) + madeUpName(token.text);
      at = token.end;
      swapped++;
    }
    if (isWord || !/^["“‘'([]$/u.test(token.text)) initial = false;
  }
  return { text: out + sentence.slice(at), swapped };
}
