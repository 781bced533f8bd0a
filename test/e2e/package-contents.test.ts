import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD } from './helpers/paths';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('the built Chrome extension', () => {
  const shipped = files(CHROME_BUILD).map((f) => relative(CHROME_BUILD, f));

  it('carries one copy of the ONNX runtime, in /ort/, and no onnxruntime-web in the service worker', () => {
    expect(shipped.filter((f) => f.endsWith('.wasm'))).toEqual(['ort/ort-wasm-simd-threaded.jsep.wasm']);
    // Inference lives in the offscreen document; the service worker only forwards tensors.
    expect(readFileSync(join(CHROME_BUILD, 'background.js'), 'utf8')).not.toContain('InferenceSession');
    const offscreenChunks = shipped.filter((f) => f.startsWith('chunks/offscreen'));
    expect(offscreenChunks.some((f) => readFileSync(join(CHROME_BUILD, f), 'utf8').includes('InferenceSession'))).toBe(true);
  });

  it('carries the trained lite models the catalogue lists', () => {
    expect(shipped).toContain('models/lite/entities/model.onnx');
    expect(shipped).toContain('models/lite/bias/bias-classifier.onnx');
  });
});
