/**
 * The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark,
 * evaluate.py): texts become `\w+` tokens (case kept), then n-token shingles (n = 4 there; n = 1
 * is the plain bag of tokens); per page, multiset true/false positives and false negatives are
 * normalised to sum to 1 so long pages weigh no more than short ones; precision and recall are
 * averaged over pages, and F1 is taken of the two averages.
 */
export interface ExtractionScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** One page's normalised [tp, fp, fn]. */
export type PageCounts = readonly [number, number, number];

// Python's \w under re.UNICODE: letters, digits and underscore.
const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n: number): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  // As evaluate.py: a text shorter than n still yields one (shorter) shingle.
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Normalised tp/fp/fn of a predicted body against the true body. */
export function shingleCounts(truth: string, predicted: string, n = 4): PageCounts {
  const t = shingles(truth, n);
  const p = shingles(predicted, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const inTruth = t.get(key) ?? 0;
    const inPrediction = p.get(key) ?? 0;
    tp += Math.min(inTruth, inPrediction);
    fp += Math.max(0, inPrediction - inTruth);
    fn += Math.max(0, inTruth - inPrediction);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [tp, fp, fn];
}

const precisionOf = ([tp, fp, fn]: PageCounts) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
const recallOf = ([tp, fp, fn]: PageCounts) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

/** Benchmark precision, recall and F1 over pages. */
export function scoresOf(pages: readonly PageCounts[]): ExtractionScores {
  const precision = mean(pages.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(pages.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}
