/** Precision, recall and F1 of one class. */
export interface ClassScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface BinaryScores {
  readonly macroF1: number;
  readonly accuracy: number;
  readonly perClass: { readonly biased: ClassScores; readonly nonBiased: ClassScores };
}

/** Scores yes/no predictions against 0/1 labels (1 = biased). */
export function binaryScores(predicted: readonly boolean[], labels: readonly (0 | 1)[]): BinaryScores {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  predicted.forEach((yes, i) => {
    const biased = labels[i] === 1;
    if (yes && biased) tp++;
    else if (yes) fp++;
    else if (biased) fn++;
    else tn++;
  });
  const biased = classScores(tp, fp, fn);
  const nonBiased = classScores(tn, fn, fp);
  return {
    macroF1: (biased.f1 + nonBiased.f1) / 2,
    accuracy: labels.length === 0 ? 0 : (tp + tn) / labels.length,
    perClass: { biased, nonBiased },
  };
}

function classScores(tp: number, fp: number, fn: number): ClassScores {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: tp + fn };
}

/** The threshold in [0.2, 0.8] (steps of 0.01) with the best macro-F1; ties keep the one nearest 0.5. */
export function bestThreshold(probabilities: readonly number[], labels: readonly (0 | 1)[]): { threshold: number; macroF1: number } {
  let best = { threshold: 0.5, macroF1: -1 };
  for (let step = 0; step <= 60; step++) {
    const threshold = Math.round((0.2 + step * 0.01) * 100) / 100;
    const macroF1 = binaryScores(
      probabilities.map((p) => p >= threshold),
      labels,
    ).macroF1;
    const closer = Math.abs(threshold - 0.5) < Math.abs(best.threshold - 0.5);
    if (macroF1 > best.macroF1 + 1e-12 || (Math.abs(macroF1 - best.macroF1) <= 1e-12 && closer)) best = { threshold, macroF1 };
  }
  return best;
}
