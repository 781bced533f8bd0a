import { createSerialQueue } from '../../../shared/async/serial-queue';
import { parseOcrDictionary } from '../../../shared/lite/ocr/ctc-decode';
import { OCR_MIN_LINE_SCORE } from '../../../shared/lite/ocr/ocr-files';
import type { OcrImage } from '../../../shared/lite/ocr/ocr-image';
import { readTextInImage } from '../../../shared/lite/ocr/read-text-in-image';
import type { TensorRunner } from '../../../shared/lite/tensor-runner';
import { LoupeError } from '../../../shared/protocol/errors';
import { decodeImageForOcr } from './decode-image-for-ocr';

export interface BrowserOcrDeps {
  /** Serves `lite/ocr:det` and `lite/ocr:rec` (the engine's onnxruntime-web runner). */
  runner: TensorRunner;
  /** The recogniser's dictionary file, as text. */
  loadDictionary(): Promise<string>;
  /** Encoded bytes → pixels; default: the browser's decoder with the daemon's limits. */
  decode?: (bytes: Uint8Array<ArrayBuffer>, mimeType: string | undefined) => Promise<OcrImage>;
}

export interface BrowserOcrResult {
  readonly text: string;
  readonly lineCount: number;
}

export interface BrowserOcr {
  /**
   * Reads the text in an encoded image; calls run one at a time.
   * @throws LoupeError `bad-input` (not an image, too large), `model-missing`, `model-corrupt`.
   */
  readText(bytes: Uint8Array<ArrayBuffer>, mimeType?: string): Promise<BrowserOcrResult>;
}

/** OCR in the engine host: decodes the image there and runs the shared PaddleOCR pipeline. */
export function createBrowserOcr(deps: BrowserOcrDeps): BrowserOcr {
  const decode = deps.decode ?? ((bytes, mimeType) => decodeImageForOcr(bytes, mimeType));
  let dictionary: Promise<string[]> | undefined;
  const queue = createSerialQueue();

  const characters = (): Promise<string[]> => {
    dictionary ??= deps.loadDictionary().then((text) => {
      const parsed = parseOcrDictionary(text);
      if (parsed.length < 2)
        throw new LoupeError(
          'model-corrupt',
          'The OCR dictionary in the extension is empty — reinstall or rebuild the extension (npm run build).',
        );
      return parsed;
    });
    // A failed load is not kept: a rebuilt extension reads it on the next image.
    dictionary.catch(() => {
      dictionary = undefined;
    });
    return dictionary;
  };

  const read = async (bytes: Uint8Array<ArrayBuffer>, mimeType: string | undefined): Promise<BrowserOcrResult> => {
    const image = await decode(bytes, mimeType);
    const result = await readTextInImage(image, deps.runner, await characters(), { minLineScore: OCR_MIN_LINE_SCORE });
    return { text: result.text, lineCount: result.lines.length };
  };

  return {
    readText: (bytes, mimeType) => queue.run(() => read(bytes, mimeType)),
  };
}
