/**
 * Tokenizers for the real-size bench models: the vocabulary of the bench's own texts (so words
 * become one or two tokens, about as with the real vocabularies), padded with unused entries to
 * the real models' vocabulary sizes, so every id a random-weight model can emit decodes.
 */
import { byteLevelBpe, unigramTokenizer, wordPieceTokenizer } from '../../fixtures/synthetic-models/tokenizer-json';
import { articleFixtures, benchText } from '../bench-corpus';
import { extractArticle } from '../../../daemon/capture/extract-article';

/** Every word of the bench's texts, in order of first use. */
export function benchWords(): string[] {
  const texts = [benchText(3), ...articleFixtures().map((a) => extractArticle(a.html).text)];
  return [...new Set(texts.flatMap((t) => t.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []))];
}

const unused = (count: number, from: number) => Array.from({ length: Math.max(0, count) }, (_, i) => `[unused${from + i}]`);

export function bertVocabTokenizer(size: number) {
  const words = benchWords();
  return wordPieceTokenizer([...words, ...unused(size - 5 - words.length, 0)]);
}

export function bpeVocabTokenizer(size: number, specials: { head: string[]; tail: string[] }) {
  const built = byteLevelBpe(benchWords(), specials);
  const model = built.json.model as { vocab: Record<string, number> };
  for (const token of unused(size - built.vocab.size, 0)) {
    model.vocab[token] = built.vocab.size;
    built.vocab.set(token, built.vocab.size);
  }
  return built;
}

export function unigramVocabTokenizer(size: number) {
  const built = unigramTokenizer(benchWords());
  const pieces = built.json.model.vocab as [string, number][];
  const mask = pieces.pop()!;
  for (const token of unused(size - pieces.length - 1, 0)) pieces.push([token, -30]);
  pieces.push(mask);
  const added = built.json.added_tokens.find((t) => t.content === '[MASK]');
  if (added) added.id = pieces.length - 1;
  return { pieces, json: built.json };
}
