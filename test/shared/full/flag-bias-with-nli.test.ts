import { describe, expect, it } from 'vitest';
import { flagBiasWithNli } from '../../../shared/full/flag-bias-with-nli';
import { analyzeText } from '../../../shared/lite/analyze-text';
import { NLI_BIAS_THRESHOLD } from '../../../shared/lite/nli-bias-flags';
import { BiasSchema, type Bias } from '../../../shared/protocol/results';
import { fakeFullRuntime, fakeProvenance, ratingClassifier } from './fake-full-runtime';

const NO_LITE: Bias = { flags: [], provenance: { engine: 'daemon', tier: 'lite', model: 'lite/bias-rules@1', backend: 'rules' } };
const rating = (scores: Record<string, number>, rate?: (text: string) => number) =>
  fakeFullRuntime({ bias: ratingClassifier(scores, rate) });

describe('flagBiasWithNli', () => {
  it('flags only sentences the model rates biased, with cue words from the lexicon and a note that the model gives none', async () => {
    const text = 'Critics slammed the plan. The council met on Monday. Critics slammed the vote.';
    const runtime = rating({ 'Critics slammed the plan.': 0.9, 'Critics slammed the vote.': NLI_BIAS_THRESHOLD - 0.01 });
    const progress: { stage: string; completed: number; total: number }[] = [];
    const bias = BiasSchema.parse(await flagBiasWithNli(runtime, text, NO_LITE, { onProgress: (p) => progress.push(p) }));
    expect(progress).toEqual([1, 2, 3].map((completed) => ({ stage: 'bias', completed, total: 3 })));
    expect(bias.flags).toHaveLength(1);
    const [flag] = bias.flags;
    expect(flag).toMatchObject({ start: 0, text: 'Critics slammed the plan.', category: 'loaded-language', score: 0.9 });
    expect(flag?.cues.map((c) => text.slice(c.start, c.end))).toEqual(['slammed']);
    expect(flag?.explanation).toMatch(/'slammed' is loaded language.*90% likely biased; that model gives no word attributions/);
    expect(bias.provenance).toMatchObject({ tier: 'full', model: fakeProvenance('bias').model });
  });

  it("keeps the lite flag's category and cues (e.g. classifier attributions) for a sentence the model rates biased", async () => {
    const text = 'The plan is a betrayal of the harbor.';
    const lite: Bias = {
      ...NO_LITE,
      flags: [
        {
          start: 0,
          end: text.length,
          text,
          category: 'framing-verb',
          score: 0.5,
          explanation: 'Classifier: framing.',
          cues: [{ start: 13, end: 21, text: 'betrayal', weight: 0.4 }],
        },
      ],
    };
    const bias = await flagBiasWithNli(rating({ [text]: 0.8 }), text, lite);
    expect(bias.flags).toEqual([
      {
        ...lite.flags[0],
        score: 0.8,
        explanation: expect.stringMatching(/^Classifier: framing\. .*come from the lite tier \(lite\/bias-rules@1\)\.$/),
      },
    ]);
  });

  it('a sentence rated biased with no cue word to show is not flagged, and the note counts it', async () => {
    const text = 'The plan went ahead.';
    const bias = await flagBiasWithNli(rating({ [text]: 0.95 }), text, NO_LITE);
    expect(bias.flags).toEqual([]);
    expect(bias.provenance.note).toBe('1 sentence the model rated biased had no cue words to show and was not flagged');
  });

  it('stops between sentences once cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(flagBiasWithNli(rating({}), 'One. Two.', NO_LITE, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });

  it('classifies sentences in batches, with the same flags as one at a time', async () => {
    const text = 'The council met on Tuesday. Critics slammed the disastrous plan. The vote was six to three.';
    const lite = (await analyzeText(text, { tasks: ['bias'], engine: 'browser' })).bias!;
    const rate = (t: string) => (t.includes('slammed') ? 0.93 : 0.1);
    const batched = rating({}, rate);
    const inBatches = await flagBiasWithNli(batched, text, lite, { batchSize: 16 });
    // One run for biased or neutral, then one for the category of the sentence rated biased.
    expect(batched.batches.map((b) => b.length)).toEqual([3, 1]);
    expect(inBatches).toEqual(await flagBiasWithNli(rating({}, rate), text, lite));
    expect(inBatches.flags.length).toBeGreaterThan(0);
    for (const flag of inBatches.flags) {
      expect(text.slice(flag.start, flag.end)).toBe(flag.text);
      expect(flag.text).toContain('slammed');
      expect(flag.score).toBe(0.93);
      expect(flag.explanation).toContain('rates this sentence 93% likely biased');
    }
  });

  it('flags nothing below the threshold, and leaves text without sentences to lite', async () => {
    const text = 'The council met on Tuesday. Critics slammed the disastrous plan.';
    const lite = (await analyzeText(text, { tasks: ['bias'], engine: 'browser' })).bias!;
    const bias = await flagBiasWithNli(
      rating({}, () => NLI_BIAS_THRESHOLD - 0.01),
      text,
      lite,
    );
    expect(bias.flags).toEqual([]);
    expect(bias.provenance.tier).toBe('full');
    expect(await flagBiasWithNli(rating({}), '   ', lite)).toBe(lite);
  });
});
