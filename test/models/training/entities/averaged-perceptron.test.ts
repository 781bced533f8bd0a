import { describe, expect, it } from 'vitest';
import { createAveragedPerceptron, emissionsOf } from '../../../../models/training/entities/averaged-perceptron';
import { viterbi } from '../../../../shared/lite/entity-tagger/viterbi';

const LABELS = ['O', 'B-PER', 'I-PER'];

describe('createAveragedPerceptron', () => {
  it('learns a toy name pattern and never touches the pad row', () => {
    // One feature per token: row 0 = capitalised word, row 1 = lower-case word, row 3 = pad.
    const sentence = (caps: boolean[]) => ({
      features: Int32Array.from(caps.flatMap((c) => [c ? 0 : 1, 3])),
      gold: Int32Array.from(caps.map((c, i) => (!c ? 0 : caps[i - 1] ? 2 : 1))),
    });
    const data = [sentence([true, true, false]), sentence([false, true, false]), sentence([false, false, true, true])];
    const perceptron = createAveragedPerceptron(LABELS, 4, 2, 3);
    for (let epoch = 0; epoch < 5; epoch++) for (const s of data) perceptron.learn(s);
    const weights = perceptron.averaged();
    for (const s of data) {
      const tokens = s.gold.length;
      expect(Array.from(viterbi(emissionsOf(weights.emission, s.features, tokens, 3, 2), 0, tokens, weights.chain))).toEqual(
        Array.from(s.gold),
      );
    }
    expect(Array.from(weights.emission.slice(9, 12))).toEqual([0, 0, 0]);
  });
});
