import type { BiasCategory, Span } from '../../protocol/results';
import { stemWord } from '../../text/stem-word';
import { STOPWORDS } from '../../text/stopwords';
import { tokenizeWords } from '../../text/tokenize-words';
import { lexiconKnows, looksLikeName, matchBiasCues, type CueMatch } from '../match-bias-cues';
import { excusedByContext } from '../cue-exceptions';
import { insideQuotes, quotedRanges, quotedStatements, reportedViews } from '../sentence-attribution';
import { isPlainNoun } from './plain-nouns';

/** One word of a sentence as the loaded-word model sees it. */
export interface SentenceWord extends Span {
  /** Lower case, curly apostrophes folded. */
  readonly lower: string;
  readonly stem: string;
  /**
   * Hidden from the model: names (capitalised inside the sentence, or all capitals) and
   * anything with a digit. Their neighbours see `<m>` in their place.
   */
  readonly masked: boolean;
  /** Inside quotation marks: the words of someone the writer quotes. */
  readonly quoted: boolean;
  /**
   * Inside a quoted statement (five words or more, or credited by a verb of saying beside it):
   * someone else's speech, not the writer's word choice. Short "scare quotes" are not speech.
   */
  readonly speech: boolean;
  /** Whether the model scores it: an unmasked word of three letters or more that is not a function word. */
  readonly candidate: boolean;
  /** Loupe's lexicon category when the word is part of a lexicon cue here. */
  readonly lexicon?: BiasCategory;
  /**
   * Never a cue here: a lexicon word its context excuses ("greedy algorithm", "toxic chemical"),
   * a plain concrete noun ("storm", "knife", "wall") the lexicon does not list, or another word
   * its neighbours make plain ("the village lies in the valley").
   */
  readonly excused: boolean;
}

/** The words of one sentence and its lexicon cue matches. */
export interface SentenceWords {
  readonly sentence: Span;
  readonly words: readonly SentenceWord[];
  readonly cueMatches: readonly CueMatch[];
}

/**
 * A capitalised first word is a name as often as not ("Trump tied himself..."): it is scored
 * only when Loupe's lexicon knows it or it has the ending of an adjective, adverb or participle
 * ("Outrageous", "Clearly", "Disgraced").
 */
function mayBeName(word: string, lexicon: BiasCategory | undefined): boolean {
  return /^\p{Lu}/u.test(word) && lexicon === undefined && !/(?:ly|ous|ful|less|ive|ic|ed|ing|able|ible)$/u.test(word);
}

/**
 * Reads `sentence` of `text` into words for the loaded-word model, identically at training and
 * at inference. Names, places, organisations and numbers are masked, so they can be neither
 * scored nor seen as context: a name swap cannot change what the model says.
 */
export function readSentenceWords(text: string, sentence: Span): SentenceWords {
  const quoted = quotedRanges(text);
  const statements = quotedStatements(text);
  const views = reportedViews(sentence.text, sentence.start);
  const cueMatches = matchBiasCues(text, sentence);
  const words: SentenceWord[] = [];
  let initial = true;
  for (const token of tokenizeWords(text.slice(sentence.start, sentence.end))) {
    const start = sentence.start + token.start;
    const end = sentence.start + token.end;
    if (!/[\p{L}\p{N}]/u.test(token.text)) {
      if (!/^["“‘'([]$/u.test(token.text)) initial = false;
      continue;
    }
    const lower = token.text.toLowerCase().replace(/’/gu, "'");
    const lexicon = cueMatches.find((m) => m.start < end && start < m.end)?.cue.category;
    const masked = /\p{N}/u.test(token.text) || looksLikeName(token.text, initial) || (initial && mayBeName(token.text, lexicon));
    initial = false;
    words.push({
      start,
      end,
      text: token.text,
      lower,
      stem: stemWord(lower),
      masked,
      quoted: insideQuotes(quoted, start, end),
      speech: insideQuotes(statements, start, end) || views.some((v) => v.start <= start && end <= v.end),
      candidate: !masked && !STOPWORDS.has(lower) && (lower.match(/\p{L}/gu)?.length ?? 0) >= 3,
      excused: lexicon === undefined && !masked && (lexiconKnows(lower) || isPlainNoun(stemWord(lower))),
      ...(lexicon ? { lexicon } : {}),
    });
  }
  // A word the lexicon does not list can still be plain where it stands ("the village lies in").
  const inContext = words.map((word, i) =>
    word.excused || word.lexicon !== undefined || word.masked || !excusedByContext(word.lower, words, i, i + 1)
      ? word
      : { ...word, excused: true },
  );
  return { sentence, words: inContext, cueMatches };
}
