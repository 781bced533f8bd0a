import type { BiasClassifierConfig } from '../../../shared/lite/bias-classifier/bias-classifier-config';
import { judgeSentence } from '../../../shared/lite/bias-classifier/judge-sentence';
import type { ScoredSentence } from '../../../shared/lite/bias-classifier/score-loaded-words';
import { binaryScores } from './binary-metrics';

/** The precision a flag must reach on BABE dev: a reader forgives a miss, not a false alarm. */
export const TARGET_PRECISION = 0.85;
/**
 * The most the model alone may flag of neutral encyclopedic sentences (WikiWeasel dev, no
 * uncertainty cue): the open web is mostly neutral, and the rules beside the model add their own.
 */
export const TARGET_NEUTRAL_RATE = 0.012;

export interface TunedThresholds {
  readonly cueThreshold: number;
  readonly threshold: number;
  readonly precision: number;
  readonly recall: number;
  readonly macroF1: number;
  /** Share of the neutral sentences flagged. */
  readonly neutralRate: number;
}

const CUE_GRID = [0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
const SENTENCE_GRID = Array.from({ length: 56 }, (_, i) => Math.round((0.4 + i * 0.01) * 100) / 100);

/**
 * Picks the cue and sentence thresholds: the best BABE dev macro-F1 among the settings that
 * reach {@link TARGET_PRECISION} on BABE dev and stay under {@link TARGET_NEUTRAL_RATE} on the
 * neutral sentences (ties go to the higher threshold); when none does, the setting that
 * misses the two targets by least.
 */
export function tuneBiasThresholds(
  news: readonly ScoredSentence[],
  labels: readonly (0 | 1)[],
  neutral: readonly ScoredSentence[],
  fixed: Pick<BiasClassifierConfig, 'maxCues' | 'strongCue'>,
): TunedThresholds {
  let best: TunedThresholds | undefined;
  const shortfall = (t: TunedThresholds) => Math.max(0, TARGET_PRECISION - t.precision) + Math.max(0, t.neutralRate - TARGET_NEUTRAL_RATE);
  const better = (a: TunedThresholds, b: TunedThresholds | undefined): boolean => {
    if (!b) return true;
    if (shortfall(a) !== shortfall(b)) return shortfall(a) < shortfall(b);
    return a.macroF1 > b.macroF1 + 1e-12 || (Math.abs(a.macroF1 - b.macroF1) <= 1e-12 && a.threshold > b.threshold);
  };
  for (const cueThreshold of CUE_GRID) {
    for (const threshold of SENTENCE_GRID) {
      if (threshold < cueThreshold) continue;
      const settings = { ...fixed, cueThreshold, threshold };
      const scores = binaryScores(
        news.map((s) => judgeSentence(s, settings).flagged),
        labels,
      );
      const neutralRate = neutral.filter((s) => judgeSentence(s, settings).flagged).length / Math.max(1, neutral.length);
      const candidate = {
        cueThreshold,
        threshold,
        precision: scores.perClass.biased.precision,
        recall: scores.perClass.biased.recall,
        macroF1: scores.macroF1,
        neutralRate,
      };
      if (better(candidate, best)) best = candidate;
    }
  }
  return best!;
}
