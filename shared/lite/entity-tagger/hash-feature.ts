/**
 * FNV-1a over the UTF-16 code units of `text`, starting from `seed`, as an unsigned 32-bit
 * integer. Identical on every JavaScript engine, so training and inference hash alike.
 */
export function hashFeature(text: string, seed: number): number {
  return finishHash(feedHash(startHash(seed), text));
}

/** The state {@link hashFeature} starts from: feed it text with {@link feedHash}. */
export function startHash(seed: number): number {
  return (0x811c9dc5 ^ seed) >>> 0;
}

/**
 * The state after hashing `text` on from `state`: feeding "a" then "b" equals feeding "ab", so a
 * feature string's hash is built from its parts without building the string.
 */
export function feedHash(state: number, text: string): number {
  let hash = state;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** The hash of everything fed into `state` (see {@link hashFeature}). */
export function finishHash(state: number): number {
  // A final avalanche (murmur3's fmix32) so that `mod buckets` uses all bits evenly.
  let hash = state;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
