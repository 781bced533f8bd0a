import type { Span } from '../protocol/results';
import { segmentSentences } from '../text/segment-sentences';

type CountTokens = (text: string) => number;

function pack(text: string, parts: Span[], countTokens: CountTokens, maxTokens: number, split: (s: Span) => Span[]): Span[] {
  const chunks: Span[] = [];
  let open: Span | null = null;
  for (const part of parts) {
    if (open && countTokens(text.slice(open.start, part.end)) <= maxTokens) {
      open = { start: open.start, end: part.end, text: text.slice(open.start, part.end) };
      continue;
    }
    if (open) chunks.push(open);
    open = null;
    if (countTokens(part.text) <= maxTokens) open = part;
    else chunks.push(...split(part));
  }
  if (open) chunks.push(open);
  return chunks;
}

function words(sentence: Span): Span[] {
  return [...sentence.text.matchAll(/\S+/gu)].map((m) => {
    const start = sentence.start + m.index;
    return { start, end: start + m[0].length, text: m[0] };
  });
}

/**
 * Cuts `text` into spans of whole sentences, each at most `maxTokens` tokens as the model's
 * tokenizer counts them (special tokens included); a sentence longer than that is cut between
 * words. Offsets index into `text`.
 */
export function chunkByTokens(text: string, countTokens: CountTokens, maxTokens: number): Span[] {
  const bySentence = (sentence: Span) => pack(text, words(sentence), countTokens, maxTokens, (word) => [word]);
  return pack(text, segmentSentences(text), countTokens, maxTokens, bySentence);
}
