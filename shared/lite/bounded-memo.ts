/**
 * `compute`, remembered per key: a corpus of short texts asks about the same words and codes
 * again and again. At most `limit` keys are kept; past that the memory starts afresh, so a
 * stream of millions of distinct keys costs bounded memory.
 */
export function boundedMemo<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const memory = new Map<string, V>();
  return (key) => {
    let value = memory.get(key);
    if (value === undefined) {
      if (memory.size >= limit) memory.clear();
      value = compute(key);
      memory.set(key, value);
    }
    return value;
  };
}
