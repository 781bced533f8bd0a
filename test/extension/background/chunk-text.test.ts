import { describe, expect, it } from 'vitest';
import { chunkText } from '../../../extension/entrypoints/background/chunk-text';

describe('chunkText', () => {
  const text = ['One para.', 'Two para here.', 'Three.', 'Four is longer than the others.', 'Five.'].join('\n\n');

  it('keeps a short text in one chunk', () => {
    expect(chunkText(text)).toEqual([{ start: 0, end: text.length }]);
  });

  it('cuts only between whole paragraphs and covers the text without gaps', () => {
    const chunks = chunkText(text, { maxChars: 1_000, maxParagraphs: 2 });
    expect(chunks).toHaveLength(3);
    expect(chunks[0]!.start).toBe(0);
    expect(chunks.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < chunks.length; i += 1) expect(chunks[i]!.start).toBe(chunks[i - 1]!.end);
    for (const c of chunks) expect(text.slice(c.start, c.end).trim()).toMatch(/^[A-Z][\s\S]*\.$/u);
  });

  it('closes a chunk once it is long enough, never splitting a paragraph', () => {
    const chunks = chunkText(text, { maxChars: 20, maxParagraphs: 100 });
    expect(chunks.map((c) => text.slice(c.start, c.end).trim())).toEqual([
      'One para.\n\nTwo para here.',
      'Three.\n\nFour is longer than the others.',
      'Five.',
    ]);
  });
});
