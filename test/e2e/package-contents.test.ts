import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, RELEASE_CHROME_BUILD } from './helpers/paths';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The package's script files whose text contains `needle`, relative to it. */
function scriptsContaining(dir: string, needle: string): string[] {
  return files(dir)
    .filter((f) => /\.(?:js|mjs|html)$/u.test(f) && readFileSync(f, 'utf8').includes(needle))
    .map((f) => relative(dir, f));
}

// What installs the hooks and what only a hook answers: both must be absent from the release.
const HOOK_MARKERS = ['globalThis.loupe', 'daemonRequestsInFlight', 'setModelMirror'];

describe('the built Chrome extension', () => {
  const shipped = files(RELEASE_CHROME_BUILD).map((f) => relative(RELEASE_CHROME_BUILD, f));

  it('carries one copy of the ONNX runtime, in /ort/, and no onnxruntime-web in the service worker', () => {
    expect(shipped.filter((f) => f.endsWith('.wasm'))).toEqual(['ort/ort-wasm-simd-threaded.jsep.wasm']);
    // Inference lives in the offscreen document; the service worker only forwards tensors.
    expect(readFileSync(join(RELEASE_CHROME_BUILD, 'background.js'), 'utf8')).not.toContain('InferenceSession');
    const offscreenChunks = shipped.filter((f) => f.startsWith('chunks/offscreen'));
    expect(offscreenChunks.some((f) => readFileSync(join(RELEASE_CHROME_BUILD, f), 'utf8').includes('InferenceSession'))).toBe(true);
  });

  it('carries the trained lite models the catalogue lists', () => {
    expect(shipped).toContain('models/lite/entities/model.onnx');
    expect(shipped).toContain('models/lite/bias/bias-classifier.onnx');
  });

  it('ships no test hooks in the release package; only the test build has them', () => {
    for (const marker of HOOK_MARKERS) {
      expect(scriptsContaining(RELEASE_CHROME_BUILD, marker), marker).toEqual([]);
      expect(scriptsContaining(CHROME_BUILD, marker), marker).toEqual(['background.js']);
    }
  });
});
