import { describe, expect, it } from 'vitest';
import { fitLogistic, type SparseExample } from '../../../../models/training/bias/fit-logistic';
import { bestThreshold, binaryScores } from '../../../../models/training/bias/binary-metrics';

// Feature 0 marks loaded sentences, feature 1 neutral ones, feature 2 appears in both.
const examples: SparseExample[] = [
  { ids: [0, 2], values: [1, 1], label: 1 },
  { ids: [0], values: [1], label: 1 },
  { ids: [1, 2], values: [1, 1], label: 0 },
  { ids: [1], values: [1], label: 0 },
  { ids: [0, 1], values: [1, 1], label: 1 },
];

describe('fitLogistic', () => {
  it('learns which feature signals the label, and shrinks with stronger L2', () => {
    const weak = fitLogistic(examples, { dimension: 3, l2: 1e-3 });
    const strong = fitLogistic(examples, { dimension: 3, l2: 1 });
    expect(weak.weights[0]).toBeGreaterThan(1);
    expect(weak.weights[1]).toBeLessThan(-1);
    expect(Math.abs(strong.weights[0]!)).toBeLessThan(Math.abs(weak.weights[0]!));
  });

  it('gives identical weights on identical data (no sampling)', () => {
    const a = fitLogistic(examples, { dimension: 3, l2: 0.01 });
    const b = fitLogistic(examples, { dimension: 3, l2: 0.01 });
    expect([...a.weights, a.bias]).toEqual([...b.weights, b.bias]);
  });
});

describe('binaryScores', () => {
  it('averages the F1 of both classes', () => {
    const scores = binaryScores([true, true, false, false], [1, 0, 0, 1]);
    expect(scores.accuracy).toBe(0.5);
    expect(scores.perClass.biased.f1).toBeCloseTo(0.5);
    expect(scores.macroF1).toBeCloseTo(0.5);
  });

  it('finds the threshold that separates the classes', () => {
    const tuned = bestThreshold([0.3, 0.35, 0.4, 0.7], [0, 0, 1, 1]);
    expect(tuned.macroF1).toBe(1);
    expect(tuned.threshold).toBeGreaterThan(0.35);
    expect(tuned.threshold).toBeLessThanOrEqual(0.4);
  });
});
