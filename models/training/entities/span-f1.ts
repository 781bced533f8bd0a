/** An entity as a span of a text (character or token offsets) with a type. */
export interface TypedSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** Precision, recall and F1 of exact span + type matches (conlleval's measure). */
export interface SpanScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
}

/** Accumulates exact-match counts overall and per type, across many texts. */
export function createSpanCounter(types: readonly string[]) {
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  for (const type of ['ALL', ...types]) counts.set(type, { gold: 0, predicted: 0, correct: 0 });
  const bump = (type: string, key: 'gold' | 'predicted' | 'correct') => {
    for (const name of ['ALL', type]) {
      const c = counts.get(name);
      if (c) c[key]++;
    }
  };
  return {
    add(gold: readonly TypedSpan[], predicted: readonly TypedSpan[]) {
      const key = (s: TypedSpan) => `${s.start}:${s.end}:${s.type}`;
      const goldKeys = new Set(gold.map(key));
      for (const s of gold) bump(s.type, 'gold');
      for (const s of predicted) {
        bump(s.type, 'predicted');
        if (goldKeys.has(key(s))) bump(s.type, 'correct');
      }
    },
    overall: (): SpanScores => scoresOf(counts.get('ALL')),
    perType: (): Record<string, SpanScores> => Object.fromEntries(types.map((t) => [t, scoresOf(counts.get(t))])),
  };
}

function scoresOf(c: { gold: number; predicted: number; correct: number } | undefined): SpanScores {
  const { gold = 0, predicted = 0, correct = 0 } = c ?? {};
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted, correct };
}
