import type { Span } from '../protocol/results';

/**
 * One token, in the order tried: dotted abbreviations ("U.S.", "e.g."), titles ("Mr.", "Dr."),
 * numbers with separators ("5.2", "1,000"), words with internal apostrophes or hyphens
 * ("don't", "well-known"), then any other single non-space character as punctuation.
 */
const TOKEN_PATTERN = new RegExp(
  [
    String.raw`(?:\p{L}\.){2,}`,
    String.raw`(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Mt|Gen|Gov|Sen|Rep|Rev|Lt|Col|Capt|Inc|Corp|Ltd|Co|vs|etc)\.(?!\p{L})`,
    String.raw`\p{N}+(?:[.,]\p{N}+)+`,
    String.raw`[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*`,
    String.raw`\S`,
  ].join('|'),
  'gu',
);

/** A possessive or contracted "'s" at the end of a word, split off as CoNLL does. */
const POSSESSIVE = /^(.+?)(['’]s)$/iu;

/**
 * Splits `text` into word and punctuation tokens with offsets into `text`, close to CoNLL
 * tokenisation: "U.S." and "Mr." are one token, "$5" is "$" + "5", "Lopez's" is "Lopez" + "'s".
 */
export function tokenizeWords(text: string): Span[] {
  const tokens: Span[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const word = match[0];
    const possessive = POSSESSIVE.exec(word);
    if (possessive?.[1] && possessive[2]) {
      const split = match.index + possessive[1].length;
      tokens.push({ start: match.index, end: split, text: possessive[1] });
      tokens.push({ start: split, end: match.index + word.length, text: possessive[2] });
    } else {
      tokens.push({ start: match.index, end: match.index + word.length, text: word });
    }
  }
  return tokens;
}
