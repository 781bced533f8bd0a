import type { TextBox } from './find-text-boxes';

/**
 * Joins boxes that are pieces of one line: on the same row (vertical overlap of at least half
 * the shorter box) and horizontally overlapping or closer than `maxGap` × the taller box's
 * height. The detector splits lines at wide word gaps (monospace, large sizes), and the
 * overlapping pieces each catch a sliver of the neighbouring letter, which the recogniser then
 * reads twice ("Long g Road").
 */
export function mergeLineBoxes(boxes: readonly TextBox[], maxGap = 0.5): TextBox[] {
  const merged = [...boxes].sort((a, b) => a.x - b.x);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < merged.length && !changed; i++) {
      for (let j = i + 1; j < merged.length && !changed; j++) {
        const a = merged[i]!;
        const b = merged[j]!;
        if (!sameLine(a, b, maxGap)) continue;
        merged.splice(j, 1);
        merged[i] = union(a, b);
        changed = true;
      }
    }
  }
  return merged;
}

function sameLine(a: TextBox, b: TextBox, maxGap: number): boolean {
  const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (overlapY < Math.min(a.height, b.height) / 2) return false;
  const gapX = Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width);
  return gapX < maxGap * Math.max(a.height, b.height);
}

function union(a: TextBox, b: TextBox): TextBox {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  const areaA = a.width * a.height;
  const areaB = b.width * b.height;
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
    score: (a.score * areaA + b.score * areaB) / (areaA + areaB),
  };
}
