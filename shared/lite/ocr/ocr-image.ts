/**
 * Decoded pixels, row-major, interleaved 8-bit channels: 3 (RGB, as sharp's `raw()` gives
 * after `removeAlpha`) or 4 (RGBA, as a canvas `ImageData` gives). Alpha is ignored.
 */
export interface OcrImage {
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
}

/** An axis-aligned rectangle in pixel coordinates of the image it was found in. */
export interface OcrBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Writes the region `box` of `image`, resized bilinearly to `size` (pixel centres map to pixel
 * centres, as OpenCV's resize does; edges clamp), into a planar float tensor of shape
 * [1, 3, height, width] in BGR plane order (PaddleOCR models are trained on OpenCV's BGR),
 * plane p's values mapped through `(v / 255 - mean[p]) / std[p]`.
 */
export function toPlanarTensor(
  image: OcrImage,
  box: OcrBox,
  size: { width: number; height: number },
  norm: { mean: readonly [number, number, number]; std: readonly [number, number, number] },
): Float32Array {
  const { width, height } = size;
  const plane = width * height;
  const out = new Float32Array(3 * plane);
  const xs = samplePositions(box.x, box.width / width, width, image.width);
  const ys = samplePositions(box.y, box.height / height, height, image.height);
  const scale = [0, 1, 2].map((p) => 1 / (255 * (norm.std[p] ?? 1)));
  const shift = [0, 1, 2].map((p) => (norm.mean[p] ?? 0) / (norm.std[p] ?? 1));
  const { data, channels } = image;
  const rowStride = image.width * channels;
  for (let y = 0; y < height; y++) {
    const r0 = ys.lo[y]! * rowStride;
    const r1 = ys.hi[y]! * rowStride;
    const fy = ys.frac[y]!;
    for (let x = 0; x < width; x++) {
      const c0 = xs.lo[x]! * channels;
      const c1 = xs.hi[x]! * channels;
      const fx = xs.frac[x]!;
      const w00 = (1 - fx) * (1 - fy);
      const w01 = fx * (1 - fy);
      const w10 = (1 - fx) * fy;
      const w11 = fx * fy;
      const at = y * width + x;
      for (let p = 0; p < 3; p++) {
        const c = 2 - p; // plane 0 is blue
        const v = data[r0 + c0 + c]! * w00 + data[r0 + c1 + c]! * w01 + data[r1 + c0 + c]! * w10 + data[r1 + c1 + c]! * w11;
        out[p * plane + at] = v * scale[p]! - shift[p]!;
      }
    }
  }
  return out;
}

/** For each output index, the two source indices to blend and the weight of the second. */
function samplePositions(origin: number, step: number, count: number, limit: number) {
  const lo = new Int32Array(count);
  const hi = new Int32Array(count);
  const frac = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const src = Math.min(Math.max(origin + (i + 0.5) * step - 0.5, 0), limit - 1);
    lo[i] = Math.floor(src);
    hi[i] = Math.min(lo[i]! + 1, limit - 1);
    frac[i] = src - lo[i]!;
  }
  return { lo, hi, frac };
}
