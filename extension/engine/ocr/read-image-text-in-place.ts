import { createOrtWebRunner, type OrtWebRunner } from '../ort-web-runner';
import type { BrowserOcr } from './create-browser-ocr';
import { engineModelUrl } from './engine-model-url';
import { startBrowserOcr } from './start-browser-ocr';

/** Firefox: OCR on a runner of the background page's own (it has a DOM; Chrome's worker does not). */
export function readImageTextInPlace(): { ocr: BrowserOcr; runner: OrtWebRunner } {
  const runner = createOrtWebRunner({ resolveModelUrl: engineModelUrl });
  return { ocr: startBrowserOcr(runner), runner };
}
