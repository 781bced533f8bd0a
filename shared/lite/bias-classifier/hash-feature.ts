/**
 * FNV-1a (32-bit) over the UTF-16 code units of `key`, reduced to `[0, size)`. Training and
 * inference must hash identically, so this is the only hash the bias classifier uses.
 */
export function hashFeature(key: string, seed: number, size: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % size;
}
