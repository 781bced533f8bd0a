import type { LiteBrowserEngineDeps } from '../../entrypoints/background/browser-engine';
import { createOffscreenRunner } from '../offscreen-runner';
import { createImageTextReader } from '../ocr/create-image-text-reader';
import { createLiteModelLoader } from './create-lite-model-loader';
import { fetchBundledJson } from './fetch-bundled-json';

/**
 * What the background's browser engine runs on: the trained lite models and OCR in the engine
 * host (offscreen document on Chrome, background page on Firefox). Nothing loads until the
 * first annotation or caption asks for it.
 */
export function inBrowserModels(): LiteBrowserEngineDeps {
  const loader = createLiteModelLoader({ runner: createOffscreenRunner(), fetchJson: (path) => fetchBundledJson(path) });
  return { loadModels: loader.load, forgetModels: loader.forget, readImageText: createImageTextReader() };
}
