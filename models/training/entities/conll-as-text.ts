import type { Span } from '../../../shared/protocol/results';
import { bioToSpans, BIO_LABELS } from '../../../shared/lite/entity-tagger/bio-labels';
import type { ConllDocument } from './read-conll';
import type { TypedSpan } from './span-f1';

/** A CoNLL document as a page: its text, sentence spans and gold entities as character spans. */
export interface ConllPage {
  readonly text: string;
  readonly sentences: Span[];
  readonly gold: TypedSpan[];
  readonly tokens: number;
}

/**
 * Rebuilds a document's text the way the tagger meets pages: tokens joined by spaces, one
 * sentence per line; gold entities become character spans of that text.
 */
export function conllAsText(document: ConllDocument): ConllPage {
  let text = '';
  const sentences: Span[] = [];
  const gold: TypedSpan[] = [];
  let tokens = 0;
  for (const sentence of document) {
    if (text) text += '\n';
    const starts: number[] = [];
    const ends: number[] = [];
    const sentenceStart = text.length;
    sentence.tokens.forEach((token, i) => {
      if (i > 0) text += ' ';
      starts.push(text.length);
      text += token;
      ends.push(text.length);
    });
    sentences.push({ start: sentenceStart, end: text.length, text: text.slice(sentenceStart) });
    const labelIds = sentence.labels.map((l) => (BIO_LABELS as readonly string[]).indexOf(l));
    for (const span of bioToSpans(BIO_LABELS, labelIds)) {
      gold.push({ start: starts[span.start] ?? 0, end: ends[span.end - 1] ?? 0, type: span.type });
    }
    tokens += sentence.tokens.length;
  }
  return { text, sentences, gold, tokens };
}
