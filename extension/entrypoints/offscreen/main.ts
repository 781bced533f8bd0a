import { engineModelUrl } from '../../engine/ocr/engine-model-url';
import { serveOcr } from '../../engine/ocr/serve-ocr';
import { startBrowserOcr } from '../../engine/ocr/start-browser-ocr';
import { createOrtWebRunner } from '../../engine/ort-web-runner';
import { createBrowserFullEngine } from '../../engine/full/browser-full-engine';
import { serveFullEngine } from '../../engine/full/serve-full-engine';
import { serveEngine } from './serve-engine';

function main(): void {
  // One runner for the lite models and the OCR pair: one backend choice, one set of sessions.
  const runner = createOrtWebRunner({ resolveModelUrl: engineModelUrl });
  serveEngine(runner);
  // The full tier (transformers.js, with its own onnxruntime-web) loads on its first request.
  serveFullEngine(createBrowserFullEngine());
  serveOcr(startBrowserOcr(runner), () => ({ backend: runner.backend, reason: runner.reason }));
}

main();
