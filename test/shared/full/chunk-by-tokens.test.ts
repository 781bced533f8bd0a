import { describe, expect, it } from 'vitest';
import { chunkByTokens } from '../../../shared/full/chunk-by-tokens';

// One token per word plus two special tokens, like a BERT or BART tokenizer on plain words.
const countTokens = (text: string) => text.split(/\s+/).filter(Boolean).length + 2;

describe('chunkByTokens', () => {
  it('packs whole sentences up to the token limit, with offsets into the text', () => {
    const text = 'One two three. Four five six. Seven eight nine.';
    const chunks = chunkByTokens(text, countTokens, 8);
    expect(chunks.map((c) => c.text)).toEqual(['One two three. Four five six.', 'Seven eight nine.']);
    for (const c of chunks) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('cuts a sentence longer than the limit between words', () => {
    const text = 'a b c d e f g h.';
    const chunks = chunkByTokens(text, countTokens, 5);
    expect(chunks.map((c) => c.text)).toEqual(['a b c', 'd e f', 'g h.']);
    expect(chunks.every((c) => countTokens(c.text) <= 5)).toBe(true);
  });

  it('returns nothing for blank text', () => {
    expect(chunkByTokens('  \n ', countTokens, 10)).toEqual([]);
  });
});
