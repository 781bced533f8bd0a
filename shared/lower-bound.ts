/**
 * The index of the first item of `sorted` for which `before` is false, by binary search:
 * `before` must hold for a prefix of the array and fail for the rest (items sorted by the key it
 * compares). `sorted.length` when it holds for every item.
 */
export function lowerBound<T>(sorted: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(sorted[mid] as T)) low = mid + 1;
    else high = mid;
  }
  return low;
}
