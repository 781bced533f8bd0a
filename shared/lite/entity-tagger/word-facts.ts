import { boundedMemo } from '../bounded-memo';
import { isAllCaps, isCapitalised, shortShape, wordShape } from './word-shape';

/** What the feature templates read of a word wherever it stands, computed once per distinct word. */
export interface WordFacts {
  readonly word: string;
  /** Lower case with every digit as 0: the templates' word identity. */
  readonly lower: string;
  /** Plain lower case: how the lexicon and the document's case evidence know the word. */
  readonly lowerCase: string;
  readonly shape: string;
  readonly short: string;
  /** Has a letter: templates about case apply. */
  readonly lettered: boolean;
  /** Starts with an upper-case letter. */
  readonly capitalised: boolean;
  /** Has a letter and all its letters are upper case ("NATO", "U.S."). */
  readonly allCaps: boolean;
  /** The flags template after its position: capitalised, all capitals, digit, hyphen (`C-D-`). */
  readonly flags: string;
  /** Prefixes then suffixes of length 1–4 (8 slots); `undefined` where the affix would be the whole word. */
  readonly affixes: readonly (string | undefined)[];
  /** A quotation mark (opens or closes a short quotation). */
  readonly quote: boolean;
}

const QUOTE = /^(?:["“”„«»]|''|``)$/u;
/** What the templates read of `word` (remembered: most words of a page or a corpus recur). */
export const factsOf: (word: string) => WordFacts = boundedMemo(20_000, computeFacts);

/** Stands in for the word before the first and after the last of a sentence. */
export const BOUNDARY_FACTS: WordFacts = {
  word: '<s>',
  lower: '<s>',
  lowerCase: '<s>',
  shape: '<s>',
  short: '<s>',
  lettered: false,
  capitalised: false,
  allCaps: false,
  flags: '',
  affixes: [],
  quote: false,
};

function computeFacts(word: string): WordFacts {
  const lowerCase = word.toLowerCase();
  const lower = lowerCase.replace(/\p{N}/gu, '0');
  const capitalised = isCapitalised(word);
  const allCaps = isAllCaps(word);
  const flags = `${capitalised ? 'C' : '-'}${allCaps ? 'A' : '-'}${/\p{N}/u.test(word) ? 'D' : '-'}${word.includes('-') ? 'H' : '-'}`;
  return {
    word,
    lower,
    lowerCase,
    shape: wordShape(word),
    short: shortShape(word),
    lettered: /\p{L}/u.test(word),
    capitalised,
    allCaps,
    flags,
    affixes: affixes(lower),
    quote: QUOTE.test(word),
  };
}

function affixes(lower: string): (string | undefined)[] {
  const chars = Array.from(lower);
  const out: (string | undefined)[] = [];
  for (let k = 1; k <= 4; k++) out.push(k < chars.length ? chars.slice(0, k).join('') : undefined);
  for (let k = 1; k <= 4; k++) out.push(k < chars.length ? chars.slice(-k).join('') : undefined);
  return out;
}
