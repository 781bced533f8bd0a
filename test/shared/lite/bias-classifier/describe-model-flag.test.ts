import { describe, expect, it } from 'vitest';
import type { Tensor, TensorRunner } from '../../../../shared/lite/tensor-runner';
import { createBiasModel } from '../../../../shared/lite/bias-classifier/create-bias-model';
import type { BiasClassifierConfig } from '../../../../shared/lite/bias-classifier/bias-classifier-config';
import { hashFeature } from '../../../../shared/lite/bias-classifier/hash-feature';

const config: BiasClassifierConfig = {
  modelId: 'lite/bias@fake',
  modelFile: 'none.onnx',
  hashSize: 4096,
  hashSeed: 0x811c9dc5,
  charNgrams: null,
  charValue: 0,
  contextValue: 0,
  cueThreshold: 0.5,
  strongCue: 0.5,
  threshold: 0.6,
  maxCues: 4,
  featureCount: 4096,
};

/** An in-memory model: each listed word's own feature carries a logit, everything else zero. */
function fakeRunner(wordLogits: Record<string, number>, bias = -4): TensorRunner {
  const weights = new Map(Object.entries(wordLogits).map(([word, w]) => [hashFeature(`w:${word}`, config.hashSeed, config.hashSize), w]));
  return {
    backend: 'fake',
    async run(_id, feeds): Promise<Record<string, Tensor>> {
      const ids = feeds.feature_ids!.data as BigInt64Array;
      const [rows = 0, width = 0] = feeds.feature_ids!.dims;
      const probability = Float32Array.from({ length: rows }, (_, r) => {
        let z = bias;
        for (let k = r * width; k < (r + 1) * width; k++) z += weights.get(Number(ids[k])) ?? 0;
        return 1 / (1 + Math.exp(-z));
      });
      return { probability: { type: 'float32', data: probability, dims: [rows] } };
    },
  };
}

const span = (text: string) => [{ start: 0, end: text.length, text }];
const flagOf = async (text: string, logits: Record<string, number>) => createBiasModel(fakeRunner(logits), config).flag(text, span(text));

describe('bias flags from the loaded-word model', () => {
  it("calls a loaded word the lexicon does not know 'loaded-language', names it, and offers no rewording", async () => {
    const [flag] = await flagOf('The senator gave a grandstanding speech.', { grandstanding: 8 });
    expect(flag?.category).toBe('loaded-language');
    expect(flag?.cues.map((c) => c.text)).toEqual(['grandstanding']);
    expect(flag?.explanation).toBe("'grandstanding' is loaded language: it tells the reader how to feel.");
    expect(flag?.suggestion).toBeUndefined();
  });

  it("takes the lexicon's category for a cue it knows, and its neutral wording", async () => {
    const [flag] = await flagOf('Thugs attacked the market.', { thugs: 8 });
    expect(flag?.category).toBe('name-calling');
    expect(flag?.suggestion).toBe('Attackers attacked the market.');
  });

  it('never scores a name or a number, whatever weight it would carry', async () => {
    const logits = { trump: 9, zorvel: 9, '1,900': 9 };
    expect(await flagOf('In each case, President Trump tied himself to the outcome.', logits)).toEqual([]);
    expect(await flagOf('In each case, President Zorvel tied himself to the outcome.', logits)).toEqual([]);
    expect(await flagOf('The wall protects 1,900 homes.', logits)).toEqual([]);
  });

  it('flags nothing when no single word reaches the cue threshold, however many weak ones there are', async () => {
    const text = 'The council met on Tuesday about the harbor budget and the ferry timetable.';
    expect(await flagOf(text, { council: 3.9, met: 3.9, harbor: 3.9, budget: 3.9, ferry: 3.9, timetable: 3.9 })).toEqual([]);
  });

  it('needs one word rated more likely loaded than not: weak words together never make a flag', async () => {
    const weak = { ...config, cueThreshold: 0.3 };
    const text = 'The grim report gave a bleak outlook.';
    // p ≈ 0.45 each: together over the threshold (0.6), but neither is a strong cue.
    expect(await createBiasModel(fakeRunner({ grim: 3.8, bleak: 3.8 }), weak).flag(text, span(text))).toEqual([]);
    const [flag] = await createBiasModel(fakeRunner({ grim: 4.3, bleak: 3.8 }), weak).flag(text, span(text));
    expect(flag?.cues.map((c) => c.text)).toEqual(['grim', 'bleak']);
  });

  it('never shows a plain concrete noun as a cue, whatever weight the model gives it', async () => {
    const text = 'The storm sent a flood over the harbor wall.';
    expect(await createBiasModel(fakeRunner({ storm: 9, flood: 9, wall: 9 }), config).flag(text, span(text))).toEqual([]);
  });

  it('rewords only when every cue has a neutral form', async () => {
    const [flag] = await flagOf('The mayor slammed the grandstanding plan.', { slammed: 8, grandstanding: 8 });
    expect(flag?.cues.map((c) => c.text).sort()).toEqual(['grandstanding', 'slammed']);
    expect(flag?.suggestion).toBeUndefined();
  });

  it('names the fix when the ONNX file does not match the config', async () => {
    const broken: TensorRunner = { backend: 'fake', run: async () => ({}) };
    await expect(createBiasModel(broken, config).flag('Reckless words.', span('Reckless words.'))).rejects.toThrow(
      /does not match classifier-config\.json.*npm run train -- bias/,
    );
  });
});
