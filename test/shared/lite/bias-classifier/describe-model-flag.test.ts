import { describe, expect, it } from 'vitest';
import type { Tensor, TensorRunner } from '../../../../shared/lite/tensor-runner';
import { createBiasModel } from '../../../../shared/lite/bias-classifier/create-bias-model';
import type { BiasClassifierConfig } from '../../../../shared/lite/bias-classifier/bias-classifier-config';
import { hashFeature } from '../../../../shared/lite/bias-classifier/hash-feature';
import { BIAS_CATEGORIES } from '../../../../shared/protocol/results';

const config: BiasClassifierConfig = {
  modelId: 'lite/bias@fake', modelFile: 'none.onnx', hashSize: 4096, hashSeed: 0x811c9dc5, maxNgram: 2,
  charNgrams: null, cueCategories: [...BIAS_CATEGORIES], cueValue: 0.1, normalize: false, maxFeatures: 256,
  threshold: 0.5, maxCues: 4, minCueContribution: 0.05,
};

/** An in-memory linear model: the listed unigrams carry weight, everything else zero. */
function fakeRunner(wordWeights: Record<string, number>, bias = -1): TensorRunner {
  const weights = new Map(Object.entries(wordWeights).map(([word, w]) => [hashFeature(`1:${word}`, config.hashSeed, config.hashSize), w]));
  return {
    backend: 'fake',
    async run(_id, feeds): Promise<Record<string, Tensor>> {
      const ids = feeds.feature_ids!.data as BigInt64Array;
      const values = feeds.feature_values!.data as Float32Array;
      const [rows = 0, width = 0] = feeds.feature_ids!.dims;
      const contributions = Float32Array.from(ids, (id, k) => (weights.get(Number(id)) ?? 0) * values[k]!);
      const probability = Float32Array.from({ length: rows }, (_, r) => {
        const z = contributions.slice(r * width, (r + 1) * width).reduce((a, b) => a + b, bias);
        return 1 / (1 + Math.exp(-z));
      });
      return { contributions: { type: 'float32', data: contributions, dims: [rows, width] }, probability: { type: 'float32', data: probability, dims: [rows] } };
    },
  };
}

const span = (text: string) => [{ start: 0, end: text.length, text }];

describe('bias flags from model contributions', () => {
  it("calls a cue the lexicon does not know 'loaded-language' and offers no rewording", async () => {
    const text = 'The senator gave a Trumpian speech.';
    const [flag] = await createBiasModel(fakeRunner({ trumpian: 3 }), config).flag(text, span(text));
    expect(flag?.category).toBe('loaded-language');
    expect(flag?.cues.map((c) => c.text)).toEqual(['Trumpian']);
    expect(flag?.explanation).toMatch(/^The word 'Trumpian' makes this sentence read as opinion/);
    expect(flag?.suggestion).toBeUndefined();
  });

  it("takes the lexicon's category for a cue it knows", async () => {
    const text = 'The plan will totally change the city.';
    const [flag] = await createBiasModel(fakeRunner({ totally: 3 }), config).flag(text, span(text));
    expect(flag?.category).toBe('intensifier');
  });

  it('does not flag a sentence below the threshold, nor one pushed over it by no word at all', async () => {
    const text = 'The council met on Tuesday.';
    expect(await createBiasModel(fakeRunner({ council: 0.5 }), config).flag(text, span(text))).toEqual([]);
    expect(await createBiasModel(fakeRunner({}, 2), config).flag(text, span(text))).toEqual([]);
  });

  it('keeps function words out of the cues even when they carry weight', async () => {
    const text = 'They slammed the ruling.';
    const [flag] = await createBiasModel(fakeRunner({ the: 2, slammed: 1 }), config).flag(text, span(text));
    expect(flag?.cues.map((c) => c.text)).toEqual(['slammed']);
  });

  it('names the fix when the ONNX file does not match the config', async () => {
    const broken: TensorRunner = { backend: 'fake', run: async () => ({}) };
    await expect(createBiasModel(broken, config).flag('Text.', span('Text.'))).rejects.toThrow(/does not match classifier-config\.json.*train-bias\.ts/);
  });
});
