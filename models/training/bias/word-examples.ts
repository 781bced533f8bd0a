import type { SparseExample } from './fit-logistic';
import { extractWordFeatures } from '../../../shared/lite/bias-classifier/extract-word-features';
import type { BiasClassifierConfig } from '../../../shared/lite/bias-classifier/bias-classifier-config';
import { readSentenceWords } from '../../../shared/lite/bias-classifier/sentence-words';
import { stemWord } from '../../../shared/text/stem-word';
import type { BabeSentence } from './read-babe';

/**
 * One training example per candidate word of each BABE sentence: positive when annotators
 * marked the word as biased in a sentence labelled biased, negative otherwise. Names and numbers
 * are masked before this (see readSentenceWords), so they are never examples.
 */
export function wordExamples(sentences: readonly BabeSentence[], config: BiasClassifierConfig): SparseExample[] {
  return sentences.flatMap((s) => {
    const marked = new Set(
      s.biasedWords
        .flatMap((w) => w.toLowerCase().split(/\s+/u))
        .filter(Boolean)
        .map(stemWord),
    );
    const { words } = readSentenceWords(s.text, { start: 0, end: s.text.length, text: s.text });
    return words.flatMap((word, index) => {
      if (!word.candidate) return [];
      const { ids, values } = extractWordFeatures(words, index, config);
      return [{ ids, values, label: s.label === 1 && marked.has(word.stem) ? 1 : 0 } as const];
    });
  });
}
