import type { OcrBox } from './ocr-image';

/** A text region found by the detector, in the coordinates of the image it was run on. */
export interface TextBox extends OcrBox {
  /** Mean text probability inside the region, in [0, 1]. */
  readonly score: number;
}

/** Knobs of the DB post-process; the defaults are PaddleOCR's own (`det_db_*`). */
export interface FindTextBoxesOptions {
  /** A pixel is text when its probability exceeds this (PaddleOCR `det_db_thresh`, 0.3). */
  pixelThreshold?: number;
  /** A region is kept when its mean probability reaches this (`det_db_box_thresh`, 0.6). */
  boxThreshold?: number;
  /** How far shrunk regions grow back, as area × ratio / perimeter (`det_db_unclip_ratio`, 1.5). */
  unclipRatio?: number;
  /** At most this many regions are examined (PaddleOCR `max_candidates`, 1000). */
  maxCandidates?: number;
}

interface Component {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * DB (differentiable binarisation) post-process for a PaddleOCR detector: thresholds the
 * probability map `probs` (`width`×`height`), takes 8-connected regions, scores each by its
 * mean probability, grows it back by the unclip distance, and scales it by (`scaleX`,
 * `scaleY`) into source-image coordinates. Boxes are axis-aligned: rotated text is boxed by
 * its bounding rectangle, which reads well only for small angles.
 */
export function findTextBoxes(
  probs: Float32Array,
  size: { width: number; height: number },
  scale: { x: number; y: number; maxX: number; maxY: number },
  options: FindTextBoxesOptions = {},
): TextBox[] {
  const { pixelThreshold = 0.3, boxThreshold = 0.6, unclipRatio = 1.5, maxCandidates = 1000 } = options;
  const boxes: TextBox[] = [];
  for (const c of connectedComponents(probs, size, pixelThreshold, maxCandidates)) {
    const w = c.maxX - c.minX + 1;
    const h = c.maxY - c.minY + 1;
    if (Math.min(w, h) < 3) continue;
    const score = meanInRect(probs, size.width, c);
    if (score < boxThreshold) continue;
    const d = (w * h * unclipRatio) / (2 * (w + h));
    const x0 = Math.max(0, (c.minX - d) * scale.x);
    const y0 = Math.max(0, (c.minY - d) * scale.y);
    const x1 = Math.min(scale.maxX, (c.maxX + 1 + d) * scale.x);
    const y1 = Math.min(scale.maxY, (c.maxY + 1 + d) * scale.y);
    if (x1 - x0 < 4 || y1 - y0 < 4) continue;
    boxes.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0, score });
  }
  return boxes;
}

function connectedComponents(probs: Float32Array, size: { width: number; height: number }, threshold: number, max: number): Component[] {
  const { width, height } = size;
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const found: Component[] = [];
  for (let start = 0; start < width * height && found.length < max; start++) {
    if (seen[start] || (probs[start] ?? 0) <= threshold) continue;
    const c: Component = { minX: width, minY: height, maxX: -1, maxY: -1 };
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const i = stack[--top] ?? 0;
      const x = i % width;
      const y = (i - x) / width;
      if (x < c.minX) c.minX = x;
      if (x > c.maxX) c.maxX = x;
      if (y < c.minY) c.minY = y;
      if (y > c.maxY) c.maxY = y;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (seen[j] || (probs[j] ?? 0) <= threshold) continue;
          seen[j] = 1;
          stack[top++] = j;
        }
      }
    }
    found.push(c);
  }
  return found;
}

function meanInRect(probs: Float32Array, width: number, c: Component): number {
  let sum = 0;
  for (let y = c.minY; y <= c.maxY; y++) {
    for (let x = c.minX; x <= c.maxX; x++) sum += probs[y * width + x] ?? 0;
  }
  return sum / ((c.maxX - c.minX + 1) * (c.maxY - c.minY + 1));
}
