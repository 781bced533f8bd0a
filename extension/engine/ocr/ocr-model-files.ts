// No node:* and no DOM here: the build and the engine host both read it, so the files the build
// copies are the files the engine asks for.
import { OCR_FILE_NAMES } from '../../../shared/lite/ocr/ocr-files';
import { OCR_MODEL_IDS } from '../../../shared/lite/ocr/read-text-in-image';

export { OCR_FILE_NAMES };

/** Where the build puts them inside the extension. */
export const OCR_BUNDLE_DIR = 'models/lite/ocr';

/** `lite/ocr:det` → `/models/lite/ocr/ch_PP-OCRv4_det_infer.onnx`; undefined for any other id. */
export function ocrModelPath(modelId: string): string | undefined {
  if (modelId === OCR_MODEL_IDS.detector) return `/${OCR_BUNDLE_DIR}/${OCR_FILE_NAMES.detector}`;
  if (modelId === OCR_MODEL_IDS.recognizer) return `/${OCR_BUNDLE_DIR}/${OCR_FILE_NAMES.recognizer}`;
  return undefined;
}

export const OCR_DICTIONARY_PATH = `/${OCR_BUNDLE_DIR}/${OCR_FILE_NAMES.dictionary}`;
