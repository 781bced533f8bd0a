/**
 * ROUGE-1, ROUGE-2 and summary-level ROUGE-L F1, as Google's `rouge-score` computes them with
 * `use_stemmer=False` (no Porter stemming, no stopword removal):
 * - tokens: lowercased text, every run of characters outside [a-z0-9] is a separator;
 * - ROUGE-N: clipped n-gram overlap counts (multisets), F1 of precision and recall;
 * - ROUGE-L: the summary-level union-LCS variant ("rougeLsum", Lin 2004 §3.2): for each
 *   reference sentence, the union of its tokens matched by an LCS with each candidate sentence,
 *   hits clipped by the token counts of both sides.
 */
export interface RougeScores {
  readonly r1: number;
  readonly r2: number;
  readonly rl: number;
}

/** Lowercased alphanumeric tokens; "team 's" and "team's" both give ["team", "s"]. */
export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter((token) => token !== '');
}

/** F1 of precision hits/candidate and recall hits/reference; 0 when either side is empty. */
function f1(hits: number, candidateTotal: number, referenceTotal: number): number {
  if (hits === 0 || candidateTotal === 0 || referenceTotal === 0) return 0;
  const precision = hits / candidateTotal;
  const recall = hits / referenceTotal;
  return (2 * precision * recall) / (precision + recall);
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N F1 of a candidate text against a reference text (sentence breaks do not matter). */
export function rougeN(candidate: string, reference: string, n: number): number {
  const c = ngramCounts(rougeTokens(candidate), n);
  const r = ngramCounts(rougeTokens(reference), n);
  let hits = 0;
  for (const [key, count] of c) hits += Math.min(count, r.get(key) ?? 0);
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, v) => sum + v, 0);
  return f1(hits, total(c), total(r));
}

/** Indices of `a` on one longest common subsequence of `a` and `b`. */
export function lcsIndices(a: readonly string[], b: readonly string[]): number[] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  const indices: number[] = [];
  let i = a.length;
  let j = b.length;
  // Same tie-breaking as rouge-score's backtrack: on a tie, drop a's token.
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      indices.unshift(i - 1);
      i--;
      j--;
    } else if (table[i]![j - 1]! > table[i - 1]![j]!) j--;
    else i--;
  }
  return indices;
}

/** Summary-level union-LCS ROUGE-L F1 of candidate sentences against reference sentences. */
export function rougeLsum(candidate: readonly string[], reference: readonly string[]): number {
  const candidateSentences = candidate.map(rougeTokens);
  const referenceSentences = reference.map(rougeTokens);
  const remaining = (sentences: string[][]) => {
    const counts = new Map<string, number>();
    for (const token of sentences.flat()) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  };
  const candidateLeft = remaining(candidateSentences);
  const referenceLeft = remaining(referenceSentences);
  let hits = 0;
  for (const sentence of referenceSentences) {
    const union = new Set(candidateSentences.flatMap((c) => lcsIndices(sentence, c)));
    for (const index of [...union].sort((x, y) => x - y)) {
      const token = sentence[index]!;
      if ((candidateLeft.get(token) ?? 0) > 0 && (referenceLeft.get(token) ?? 0) > 0) {
        hits++;
        candidateLeft.set(token, candidateLeft.get(token)! - 1);
        referenceLeft.set(token, referenceLeft.get(token)! - 1);
      }
    }
  }
  return f1(hits, candidateSentences.flat().length, referenceSentences.flat().length);
}

/** ROUGE-1/2/L F1 of one summary (as sentences) against its reference (as sentences). */
export function rougeScores(candidate: readonly string[], reference: readonly string[]): RougeScores {
  const c = candidate.join('\n');
  const r = reference.join('\n');
  return { r1: rougeN(c, r, 1), r2: rougeN(c, r, 2), rl: rougeLsum(candidate, reference) };
}

/** Mean of per-summary scores (macro average, as rouge-score's aggregators report). */
export function meanRouge(scores: readonly RougeScores[]): RougeScores {
  const mean = (key: keyof RougeScores) => scores.reduce((sum, s) => sum + s[key], 0) / Math.max(1, scores.length);
  return { r1: mean('r1'), r2: mean('r2'), rl: mean('rl') };
}
