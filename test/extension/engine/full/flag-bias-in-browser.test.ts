import { describe, expect, it } from 'vitest';
import { flagBiasInBrowser, NLI_BIAS_THRESHOLD } from '../../../../extension/engine/full/flag-bias-in-browser';
import { analyzeText } from '../../../../shared/lite/analyze-text';

const TEXT = 'The council met on Tuesday. Critics slammed the disastrous plan. The vote was six to three.';
const provenance = { engine: 'browser' as const, tier: 'full' as const, model: 'Xenova/nli-deberta-v3-xsmall', backend: 'wasm' };

describe('NLI bias flags in the browser', () => {
  it('flags the sentences the model rates biased, with the lite cue words and an explanation naming the model', async () => {
    const lite = (await analyzeText(TEXT, { tasks: ['bias'], engine: 'browser' })).bias!;
    const asked: string[][] = [];
    const bias = await flagBiasInBrowser(TEXT, lite, async (texts, labels) => {
      asked.push(texts);
      return { results: texts.map((t) => ({ labels, scores: t.includes('slammed') ? [0.93, 0.07] : [0.1, 0.9] })), provenance };
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toHaveLength(3);
    expect(bias.provenance).toMatchObject({ tier: 'full', model: provenance.model });
    expect(bias.flags.length).toBeGreaterThan(0);
    for (const flag of bias.flags) {
      expect(TEXT.slice(flag.start, flag.end)).toBe(flag.text);
      expect(flag.text).toContain('slammed');
      expect(flag.score).toBe(0.93);
      expect(flag.explanation).toContain('rates this sentence 93% likely biased');
    }
    expect(bias.flags.flatMap((f) => f.cues.map((c) => c.text.toLowerCase()))).toContain('slammed');
  });

  it('flags nothing below the threshold', async () => {
    const lite = (await analyzeText(TEXT, { tasks: ['bias'], engine: 'browser' })).bias!;
    const bias = await flagBiasInBrowser(TEXT, lite, async (texts, labels) => ({ results: texts.map(() => ({ labels, scores: [NLI_BIAS_THRESHOLD - 0.01, 0.41] })), provenance }));
    expect(bias.flags).toEqual([]);
    expect(bias.provenance.tier).toBe('full');
  });
});
