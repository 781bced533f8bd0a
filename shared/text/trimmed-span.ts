import type { Span } from '../protocol/results';

/**
 * The span `text.slice(start, end)` with surrounding whitespace removed, or `null` when
 * nothing but whitespace is left. The returned span always slices `text` exactly.
 */
export function trimmedSpan(text: string, start: number, end: number): Span | null {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from] ?? '')) from++;
  while (to > from && /\s/u.test(text[to - 1] ?? '')) to--;
  if (from >= to) return null;
  return { start: from, end: to, text: text.slice(from, to) };
}
