import { taggerTokens } from '../../../shared/lite/entity-tagger/tagger-tokens';
import { lexiconKey, NAME_TYPE_BITS, WORD_CASE } from '../../../shared/lite/entity-tagger/name-lexicon';
import { isAllCaps, isCapitalised } from '../../../shared/lite/entity-tagger/word-shape';
import type { ConllPage } from './conll-as-text';

/** Names longer than this (in tokens) are not stored: they are rare and costly to look up. */
export const MAX_PHRASE_TOKENS = 6;

/** A lexicon under construction: hashed key → value, plus how often each word was seen (for pruning). */
export interface LexiconTable {
  readonly table: Map<number, number>;
  readonly seed: number;
  readonly maxPhraseTokens: number;
}

/**
 * The name lexicon of some training pages: every gold name as a lower-cased phrase with the
 * types it was seen as, every word of a name with those types, and how each word is written
 * mid-sentence (lower case, capitalised, both). Words seen fewer than `minCaseCount` times get
 * no case entry (a rare word's case says little and costs space).
 */
export function buildNameLexicon(pages: readonly ConllPage[], seed: number, minCaseCount = 2): LexiconTable {
  const table = new Map<number, number>();
  const orInto = (key: number, bits: number) => table.set(key, (table.get(key) ?? 0) | bits);
  const caseSeen = new Map<string, { bits: number; count: number }>();
  for (const page of pages) {
    for (const gold of page.gold) {
      const bit = NAME_TYPE_BITS[gold.type] ?? 0;
      const words = taggerTokens(page.text.slice(gold.start, gold.end)).map((t) => t.text.toLowerCase());
      if (words.length === 0) continue;
      if (words.length <= MAX_PHRASE_TOKENS) orInto(lexiconKey('phrase', words.join(' '), seed), bit);
      for (const word of words) if (/\p{L}/u.test(word)) orInto(lexiconKey('word', word, seed), bit);
    }
    for (const sentence of page.sentences) {
      const tokens = taggerTokens(sentence.text);
      if (isCapitalsHeadline(tokens.map((t) => t.text))) continue;
      for (const token of tokens.slice(1)) {
        if (!/\p{L}/u.test(token.text) || isAllCaps(token.text)) continue;
        const word = token.text.toLowerCase();
        const seen = caseSeen.get(word) ?? { bits: 0, count: 0 };
        seen.bits |= isCapitalised(token.text) ? WORD_CASE.capitalised : WORD_CASE.lower;
        seen.count++;
        caseSeen.set(word, seen);
      }
    }
  }
  for (const [word, seen] of caseSeen) if (seen.count >= minCaseCount) table.set(lexiconKey('case', word, seed), seen.bits);
  return { table, seed, maxPhraseTokens: MAX_PHRASE_TOKENS };
}

function isCapitalsHeadline(words: readonly string[]): boolean {
  const lettered = words.filter((w) => /\p{L}/u.test(w));
  return lettered.length >= 2 && lettered.filter(isAllCaps).length / lettered.length >= 0.8;
}
