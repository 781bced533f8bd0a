import { loadModelBytes } from '../load-model-bytes';
import type { OrtWebRunner } from '../ort-web-runner';
import { createBrowserOcr, type BrowserOcr } from './create-browser-ocr';
import { ocrDictionaryUrl } from './engine-model-url';

/** OCR over the engine host's runner (which must resolve the OCR ids: see engineModelUrl). */
export function startBrowserOcr(runner: OrtWebRunner): BrowserOcr {
  return createBrowserOcr({
    runner,
    loadDictionary: async () => new TextDecoder().decode(await loadModelBytes(ocrDictionaryUrl())),
  });
}
