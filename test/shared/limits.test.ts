import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS, MAX_BINARY_FRAME_BYTES, MAX_TEXT_FRAME_BYTES } from '../../shared/limits';
import { analyzeText } from '../../shared/lite/analyze-text';
import { LoupeError } from '../../shared/protocol/errors';
import { AnalyzeParamsSchema, DescribeImageParamsSchema } from '../../shared/protocol/messages';

async function refusal(text: string): Promise<LoupeError> {
  const error = await analyzeText(text, { tasks: ['summary'], engine: 'in-process' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoupeError);
  return error as LoupeError;
}

describe('input limits', () => {
  it('the engine refuses a text with more sentences than the limit before any task runs, naming the limit', async () => {
    const error = await refusal('Short one. '.repeat(INPUT_LIMITS.maxSentences + 1));
    expect(error.code).toBe('input-too-large');
    expect(error.message).toContain('20,000-sentence limit');
    expect(error.message).toContain('select a part of the page');
  });

  it('the engine refuses a text over the character limit, naming it', async () => {
    const error = await refusal('a'.repeat(INPUT_LIMITS.maxTextChars + 1));
    expect(error).toMatchObject({ code: 'input-too-large', message: expect.stringContaining('2,000,000-character limit') });
  });

  it('the wire schemas accept exactly the limits and nothing beyond', () => {
    const text = (length: number) => AnalyzeParamsSchema.safeParse({ text: 'a'.repeat(length), tasks: ['summary'] }).success;
    expect(text(INPUT_LIMITS.maxTextChars)).toBe(true);
    expect(text(INPUT_LIMITS.maxTextChars + 1)).toBe(false);
    const image = (byteLength: number) => DescribeImageParamsSchema.safeParse({ context: [], byteLength }).success;
    expect(image(INPUT_LIMITS.maxImageBytes)).toBe(true);
    expect(image(INPUT_LIMITS.maxImageBytes + 1)).toBe(false);
  });

  it('a frame fits the longest text at three UTF-8 bytes per character and the largest image with its header', () => {
    const request = JSON.stringify({
      v: 1,
      id: 'x'.repeat(64),
      type: 'analyze',
      params: { text: '€'.repeat(INPUT_LIMITS.maxTextChars), tasks: ['summary', 'entities', 'bias'] },
    });
    expect(new TextEncoder().encode(request).length).toBeLessThanOrEqual(MAX_TEXT_FRAME_BYTES);
    expect(MAX_BINARY_FRAME_BYTES).toBe(INPUT_LIMITS.maxImageBytes + 4 + 64);
  });
});
