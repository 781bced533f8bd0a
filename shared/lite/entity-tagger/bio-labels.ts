/** The name types the lite tagger finds. */
export const TAGGER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type TaggerType = (typeof TAGGER_TYPES)[number];

/** The tagger's BIO labels, in the order of the `emissions` columns. */
export const BIO_LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;

/**
 * BIO's hard rule: `I-X` may only follow `B-X` or `I-X`, and never open a sentence. Decoding
 * (in training and inference alike) never produces a path that breaks it.
 */
export function isAllowedTransition(labels: readonly string[], from: number | null, to: number): boolean {
  const target = labels[to] ?? 'O';
  if (!target.startsWith('I-')) return true;
  if (from === null) return false;
  const source = labels[from] ?? 'O';
  return source !== 'O' && source.slice(2) === target.slice(2);
}

/** A run of tokens `[start, end)` tagged as one entity of `type`. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** Entity token spans of a BIO label sequence (label indices into `labels`). */
export function bioToSpans(labels: readonly string[], path: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: { start: number; type: string } | null = null;
  for (let i = 0; i <= path.length; i++) {
    const label = i < path.length ? (labels[path[i] ?? 0] ?? 'O') : 'O';
    const continues = open !== null && label === `I-${open.type}`;
    if (open && !continues) {
      spans.push({ start: open.start, end: i, type: open.type });
      open = null;
    }
    // A stray I-X (not produced by constrained decoding) opens an entity, as conlleval does.
    if (!continues && label !== 'O') open = { start: i, type: label.slice(2) };
  }
  return spans;
}
