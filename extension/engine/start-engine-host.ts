import { createEngineHost } from './engine-host';
import type { EngineHost } from './engine-host-protocol';
import { createBrowserFullEngine } from './full/browser-full-engine';
import { installedModelIds } from './full/model-cache';
import { createBrowserLiteEngine } from './lite/browser-lite-engine';
import { createLiteModelLoader } from './lite/create-lite-model-loader';
import { fetchBundledJson } from './lite/fetch-bundled-json';
import { engineModelUrl } from './ocr/engine-model-url';
import { startBrowserOcr } from './ocr/start-browser-ocr';
import { createOrtWebRunner } from './ort-web-runner';

/**
 * The engine host as the offscreen document (Chrome) or the background page (Firefox) runs it.
 * One onnxruntime-web runner serves the lite models and the OCR pair (one backend choice, one
 * set of sessions); the full tier (transformers.js on that same runtime) loads on first use.
 */
export function startEngineHost(): EngineHost {
  const runner = createOrtWebRunner({ resolveModelUrl: engineModelUrl });
  const loader = createLiteModelLoader({ runner, fetchJson: (path) => fetchBundledJson(path) });
  const ocr = startBrowserOcr(runner);
  const lite = createBrowserLiteEngine({
    loadModels: loader.load,
    forgetModels: loader.forget,
    readImageText: {
      async readText({ bytes, mimeType }) {
        const { text } = await ocr.readText(new Uint8Array(bytes), mimeType);
        return { text, backend: runner.backend };
      },
    },
  });
  return createEngineHost({ lite, liteDevice: () => runner.engineInfo(), full: createBrowserFullEngine(), installed: installedModelIds });
}
