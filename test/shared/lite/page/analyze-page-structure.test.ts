import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../../shared/lite/analyze-text';
import type { BiasModel } from '../../../../shared/lite/lite-models';
import { AnalysisSchema, type Span } from '../../../../shared/protocol/results';
import type { TextBlock } from '../../../../shared/text/block-text';
import { DEALS, RECIPE } from './page-texts';

/** A bias model that flags every sentence it is given, so tests see which sentences reach it. */
function flagEverything(seen: string[]): BiasModel {
  return {
    id: 'lite/bias@test',
    backend: 'wasm',
    flag: async (text, sentences: readonly Span[]) =>
      sentences.map((s) => {
        seen.push(s.text);
        return {
          ...s,
          category: 'loaded-language' as const,
          score: 0.9,
          explanation: 'test',
          cues: [{ start: s.start, end: s.start + 1, text: text.slice(s.start, s.start + 1), weight: 1 }],
        };
      }),
  };
}

const NEWS = [
  'Shocking vote splits the council',
  'The council approved the reckless plan on Tuesday after a disgraceful four-hour debate.',
  'The harbor at dawn.',
  '(Photo: Getty Images)',
  'Sign up for our newsletter to get the latest updates in your inbox.',
  'Supporters said the ferry terminal would bring 400 jobs to the waterfront by 2027.',
  'Opponents said the cost, now estimated at $41 million, was too high for a city of its size.',
].join('\n\n');
const block = (from: string, role: TextBlock['role']): TextBlock => ({
  start: NEWS.indexOf(from),
  end: NEWS.indexOf(from) + from.length,
  role,
});

describe('analyzeText reads the page structure', () => {
  it('withholds bias flags on a recipe and says why, while still summarising it', async () => {
    const seen: string[] = [];
    const analysis = await analyzeText(RECIPE, { tasks: ['summary', 'bias'], engine: 'browser', models: { bias: flagEverything(seen) } });
    expect(AnalysisSchema.safeParse(analysis).success).toBe(true);
    expect(analysis.page?.genre).toBe('recipe');
    expect(analysis.bias?.flags).toEqual([]);
    expect(analysis.bias?.withheld).toEqual({
      reason: 'genre',
      message: expect.stringMatching(/looks like a recipe .*does not flag its wording/),
    });
    expect(seen).toEqual([]);
    expect(analysis.summary?.sentences.length).toBeGreaterThan(0);
  });

  it('withholds bias flags on a deals page, with the rule-based flagger too', async () => {
    const analysis = await analyzeText(DEALS, { tasks: ['bias'], engine: 'daemon' });
    expect(analysis.bias?.flags).toEqual([]);
    expect(analysis.bias?.withheld?.message).toMatch(/product or deals page/);
  });

  it("judges only the page's own statements: headings, captions, credits and prompts never reach the bias model", async () => {
    const seen: string[] = [];
    const page = { blocks: [block('Shocking vote splits the council', 'heading'), block('The harbor at dawn.', 'caption')] };
    const analysis = await analyzeText(NEWS, { tasks: ['bias'], engine: 'browser', page, models: { bias: flagEverything(seen) } });
    expect(seen).toEqual([
      'The council approved the reckless plan on Tuesday after a disgraceful four-hour debate.',
      'Supporters said the ferry terminal would bring 400 jobs to the waterfront by 2027.',
      'Opponents said the cost, now estimated at $41 million, was too high for a city of its size.',
    ]);
    expect(analysis.page).toMatchObject({ genre: 'article', proseSentences: 3, sentences: 7 });
  });

  it('never picks a heading, a caption, a credit or a prompt as a key point', async () => {
    const page = { blocks: [block('Shocking vote splits the council', 'heading'), block('The harbor at dawn.', 'caption')] };
    const { summary } = await analyzeText(NEWS, { tasks: ['summary'], engine: 'browser', page, summarySentences: 5 });
    const picked = summary?.sentences.map((s) => s.text) ?? [];
    expect(picked.length).toBeGreaterThan(0);
    for (const furniture of ['Shocking vote', 'The harbor at dawn.', '(Photo', 'Sign up'])
      expect(picked.some((p) => p.startsWith(furniture))).toBe(false);
  });

  it('keeps the genre the caller decided over the whole page when it analyses a part', async () => {
    const part = 'The council approved the reckless plan on Tuesday after a disgraceful four-hour debate.';
    const analysis = await analyzeText(part, { tasks: ['bias'], engine: 'browser', page: { genre: 'recipe' } });
    expect(analysis.page?.genre).toBe('recipe');
    expect(analysis.bias?.withheld?.reason).toBe('genre');
  });
});
