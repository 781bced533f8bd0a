import { describe, expect, it } from 'vitest';
import { flagBiasWithNli, NLI_BIAS_THRESHOLD } from '../../../daemon/full-routing/flag-bias-with-nli';
import { BiasSchema, type Bias } from '../../../shared/protocol/results';
import { fakeFullTier, provenanceOf } from './fake-full-tier';

/** An NLI engine that rates each sentence by a table (probability of "biased"). */
function engineRating(scores: Record<string, number>) {
  return fakeFullTier({
    classify: async (text, labels = []) => {
      const biased = scores[text] ?? 0;
      return { labels: [...labels], scores: labels.map((l) => (l === 'biased' ? biased : 1 - biased)), provenance: provenanceOf('bias') };
    },
  }).engine;
}

const NO_LITE: Bias = { flags: [], provenance: { engine: 'daemon', tier: 'lite', model: 'lite/bias-rules@1', backend: 'rules' } };
const signal = new AbortController().signal;

describe('flagBiasWithNli', () => {
  it('flags only sentences the model rates biased, with cue words from the lexicon and a note that the model gives none', async () => {
    const text = 'Critics slammed the plan. The council met on Monday. Critics slammed the vote.';
    const engine = engineRating({ 'Critics slammed the plan.': 0.9, 'Critics slammed the vote.': NLI_BIAS_THRESHOLD - 0.01 });
    const progress: { stage: string; completed: number; total: number }[] = [];
    const bias = BiasSchema.parse(await flagBiasWithNli(engine, text, NO_LITE, signal, (p) => progress.push(p)));
    expect(progress).toEqual([1, 2, 3].map((completed) => ({ stage: 'bias', completed, total: 3 })));
    expect(bias.flags).toHaveLength(1);
    const [flag] = bias.flags;
    expect(flag).toMatchObject({ start: 0, text: 'Critics slammed the plan.', category: 'loaded-language', score: 0.9 });
    expect(flag?.cues.map((c) => text.slice(c.start, c.end))).toEqual(['slammed']);
    expect(flag?.explanation).toMatch(/'slammed' is loaded language.*90% likely biased; that model gives no word attributions/);
    expect(bias.provenance).toMatchObject({ tier: 'full', model: provenanceOf('bias').model });
  });

  it('keeps the lite flag\'s category and cues (e.g. classifier attributions) for a sentence the model rates biased', async () => {
    const text = 'The plan is a betrayal of the harbor.';
    const lite: Bias = { ...NO_LITE, flags: [{ start: 0, end: text.length, text, category: 'framing-verb', score: 0.5, explanation: 'Classifier: framing.', cues: [{ start: 13, end: 21, text: 'betrayal', weight: 0.4 }] }] };
    const bias = await flagBiasWithNli(engineRating({ [text]: 0.8 }), text, lite, signal);
    expect(bias.flags).toEqual([{ ...lite.flags[0], score: 0.8, explanation: expect.stringMatching(/^Classifier: framing\. .*come from the lite tier \(lite\/bias-rules@1\)\.$/) }]);
  });

  it('a sentence rated biased with no cue word to show is not flagged, and the note counts it', async () => {
    const text = 'The plan went ahead.';
    const bias = await flagBiasWithNli(engineRating({ [text]: 0.95 }), text, NO_LITE, signal);
    expect(bias.flags).toEqual([]);
    expect(bias.provenance.note).toBe('1 sentence the model rated biased had no cue words to show and was not flagged');
  });

  it('stops between sentences once cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(flagBiasWithNli(engineRating({}), 'One. Two.', NO_LITE, controller.signal)).rejects.toMatchObject({ code: 'cancelled' });
  });
});
