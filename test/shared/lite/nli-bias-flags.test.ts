import { describe, expect, it } from 'vitest';
import { NLI_BIAS_THRESHOLD, NLI_CATEGORY_HYPOTHESES, NLI_CATEGORY_LABELS, nliCategoryFlags } from '../../../shared/lite/nli-bias-flags';
import { BIAS_CATEGORIES, type Bias } from '../../../shared/protocol/results';

const NO_LITE: Bias = { flags: [], provenance: { engine: 'daemon', tier: 'lite', model: 'lite/bias-rules@1', backend: 'rules' } };
const text = 'Experts agree the reckless plan will fail.';
const sentence = { start: 0, end: text.length, text };
/** A zero-shot answer that puts `label` first. */
const answer = (label: string) => ({
  labels: [...NLI_CATEGORY_HYPOTHESES],
  scores: NLI_CATEGORY_HYPOTHESES.map((l) => (l === label ? 0.7 : 0.3 / (NLI_CATEGORY_HYPOTHESES.length - 1))),
});

describe('the zero-shot model scores the same categories as the lite tier', () => {
  it('asks about every sentence category Loupe has (clickbait is for titles)', () => {
    expect(Object.keys(NLI_CATEGORY_LABELS).sort()).toEqual(BIAS_CATEGORIES.filter((c) => c !== 'clickbait').sort());
  });

  it("takes the model's likeliest category that has cue words in the sentence", () => {
    const claim = nliCategoryFlags(text, sentence, 0.9, answer(NLI_CATEGORY_LABELS['unattributed-claim']), 'nli', NO_LITE);
    expect(claim.map((f) => [f.category, f.cues.map((c) => c.text)])).toEqual([['unattributed-claim', ['Experts agree']]]);
    expect(claim[0]?.explanation).toMatch(
      /reads most like a claim with no named source \(70%\)\. nli rates this sentence 90% likely biased/u,
    );
    const loaded = nliCategoryFlags(text, sentence, 0.9, answer(NLI_CATEGORY_LABELS['loaded-language']), 'nli', NO_LITE);
    expect(loaded.map((f) => [f.category, f.cues.map((c) => c.text)])).toEqual([['loaded-language', ['reckless']]]);
  });

  it('falls to the next likeliest category when the first has no cue here, and flags nothing below the threshold', () => {
    const flags = nliCategoryFlags(text, sentence, 0.9, answer(NLI_CATEGORY_LABELS['flag-waving']), 'nli', NO_LITE);
    expect(flags).toHaveLength(1);
    expect(['unattributed-claim', 'loaded-language']).toContain(flags[0]?.category);
    expect(
      nliCategoryFlags(text, sentence, NLI_BIAS_THRESHOLD - 0.01, answer(NLI_CATEGORY_LABELS['loaded-language']), 'nli', NO_LITE),
    ).toEqual([]);
  });
});
