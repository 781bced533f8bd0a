/** Levenshtein distance between `a` and `b`, counted in UTF-16 code units. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Character accuracy of `read` against `reference`: 1 − edit distance / reference length,
 * floored at 0 (a reading longer than the truth can cost more edits than it has characters).
 */
export function characterAccuracy(read: string, reference: string): number {
  if (reference.length === 0) return read.length === 0 ? 1 : 0;
  return Math.max(0, 1 - editDistance(read, reference) / reference.length);
}
