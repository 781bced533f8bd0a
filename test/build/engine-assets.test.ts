import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { liteModelAssets, ortRuntimeAssets } from '../../build/engine-assets';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe('files the build ships for the in-browser engine', () => {
  it('ships exactly one ONNX runtime: the JSEP (WebGPU + wasm) build, under /ort/', () => {
    expect(ortRuntimeAssets(ROOT).map((a) => a.relativeDest)).toEqual([
      'ort/ort-wasm-simd-threaded.jsep.mjs',
      'ort/ort-wasm-simd-threaded.jsep.wasm',
    ]);
  });

  it('ships every lite model file and its JSON, and nothing else from models/lite', () => {
    scratch = mkdtempSync(join(tmpdir(), 'loupe-assets-'));
    mkdirSync(join(scratch, 'models/lite/entities'), { recursive: true });
    for (const file of ['model.onnx', 'labels.json', 'MODEL_CARD.md', 'train.log'])
      writeFileSync(join(scratch, 'models/lite/entities', file), 'x');
    const shipped = liteModelAssets(scratch)
      .map((a) => a.relativeDest)
      .sort();
    expect(shipped).toEqual(['models/lite/entities/labels.json', 'models/lite/entities/model.onnx']);
  });

  it('ships no model, and does not fail, before any lite model is trained', () => {
    scratch = mkdtempSync(join(tmpdir(), 'loupe-assets-'));
    expect(liteModelAssets(scratch)).toEqual([]);
  });
});
