import type { WordFacts } from './word-facts';

/** How a word is written where its case carries information (mid-sentence, not in a headline). */
export type DocumentCase = 'cap' | 'low' | 'mixed' | 'unseen';

/** What the rest of a document says about its words, for features a sentence alone lacks. */
export interface DocumentContext {
  /** Per sentence: true when the sentence is a headline in capitals ("CRICKET - LEICESTERSHIRE TAKE OVER"). */
  readonly headline: readonly boolean[];
  /** How the lower-cased word is written in informative positions elsewhere in the document. */
  caseOf(lowerWord: string): DocumentCase;
}

/**
 * Collects document-level evidence: which sentences are all-capitals headlines, and for each
 * word whether it is capitalised or lower case where case is informative (not first in a
 * sentence, not in a headline). "LEICESTERSHIRE" in a headline is then known to be written
 * "Leicestershire" in the body, and a sentence-initial "The" to be "the" elsewhere.
 */
export function buildDocumentContext(sentences: readonly (readonly WordFacts[])[]): DocumentContext {
  const headline = sentences.map(isHeadline);
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  sentences.forEach((tokens, s) => {
    if (headline[s]) return;
    for (let i = 1; i < tokens.length; i++) {
      const word = tokens[i];
      if (!word?.lettered || word.allCaps) continue;
      if (word.capitalised) capitalised.add(word.lowerCase);
      else lower.add(word.lowerCase);
    }
  });
  return {
    headline,
    caseOf(lowerWord) {
      const cap = capitalised.has(lowerWord);
      const low = lower.has(lowerWord);
      if (cap && low) return 'mixed';
      if (cap) return 'cap';
      return low ? 'low' : 'unseen';
    },
  };
}

function isHeadline(tokens: readonly WordFacts[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const word of tokens) {
    if (!word.lettered) continue;
    letters++;
    if (word.allCaps) caps++;
  }
  return letters >= 2 && caps / letters >= 0.8;
}
