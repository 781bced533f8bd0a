import type { ClickbaitHead } from '../../../shared/lite/bias-classifier/bias-classifier-config';
import { headlineFeatures, headlineWords } from '../../../shared/lite/clickbait/headline-features';
import { binaryScores } from '../bias/binary-metrics';
import { fitLogistic } from '../bias/fit-logistic';
import { readClickbait, type Headline } from './read-clickbait';

/** A word must appear in this many training headlines to be learnt from. */
const MIN_HEADLINES = 25;
/** The precision the head must reach on the dev headlines: most titles on the web are not clickbait. */
const TARGET_PRECISION = 0.98;

export interface ClickbaitFit {
  readonly head: ClickbaitHead;
  /** Weights of the head's id range, indexed from its offset; the intercept is separate. */
  readonly weights: Float32Array;
  readonly intercept: number;
  readonly trainHeadlines: number;
  readonly dev: { readonly precision: number; readonly recall: number; readonly f1: number };
}

/**
 * Fits the clickbait head on the train part of the headlines (L2 logistic regression over
 * {@link headlineFeatures}, words seen in at least {@link MIN_HEADLINES} headlines) and picks
 * its threshold on the dev part: the best F1 with precision at least 0.98.
 */
export function trainClickbaitHead(dataDir: string, layout: Omit<ClickbaitHead, 'threshold'>, seed: number, l2 = 1e-4): ClickbaitFit {
  const train = readClickbait(dataDir, 'train');
  const dev = readClickbait(dataDir, 'dev');
  const counts = new Map<string, number>();
  for (const h of train) for (const w of new Set(headlineWords(h.text))) counts.set(w, (counts.get(w) ?? 0) + 1);
  const known = (word: string) => (counts.get(word) ?? 0) >= MIN_HEADLINES;
  const head: ClickbaitHead = { ...layout, threshold: 0.5 };
  // Local ids: the head's range starts at 0 and the intercept is the logistic fit's own bias.
  const local = (h: Headline) => {
    const f = headlineFeatures(h.text, head, seed, known);
    const kept = f.ids.flatMap((id, k) => (id === head.interceptId ? [] : [[id - head.offset, f.values[k]!] as const]));
    return { ids: kept.map(([id]) => id), values: kept.map(([, v]) => v), label: h.label };
  };
  const fit = fitLogistic(train.map(local), { dimension: head.size, l2 });
  const probability = (h: Headline) => {
    const e = local(h);
    return 1 / (1 + Math.exp(-e.ids.reduce((z, id, k) => z + fit.weights[id]! * e.values[k]!, fit.bias)));
  };
  const devProbabilities = dev.map(probability);
  let best = { threshold: 0.5, precision: 0, recall: 0, f1: -1 };
  for (let step = 0; step <= 45; step++) {
    const threshold = Math.round((0.5 + step * 0.01) * 100) / 100;
    const s = binaryScores(
      devProbabilities.map((p) => p >= threshold),
      dev.map((h) => h.label),
    ).perClass.biased;
    const ok = s.precision >= TARGET_PRECISION;
    const bestOk = best.precision >= TARGET_PRECISION;
    if ((ok && (!bestOk || s.f1 > best.f1)) || (!ok && !bestOk && s.precision > best.precision))
      best = { threshold, precision: s.precision, recall: s.recall, f1: s.f1 };
  }
  return {
    head: { ...layout, threshold: best.threshold },
    weights: fit.weights,
    intercept: fit.bias,
    trainHeadlines: train.length,
    dev: { precision: best.precision, recall: best.recall, f1: best.f1 },
  };
}
