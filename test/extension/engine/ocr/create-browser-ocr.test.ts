import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeOcrImage } from '../../../../daemon/ocr/decode-ocr-image';
import { createOrtNodeRunner } from '../../../../daemon/lite-models/ort-node-runner';
import { defaultOcrModelDir } from '../../../../daemon/ocr/ocr-model-files';
import { createBrowserOcr } from '../../../../extension/engine/ocr/create-browser-ocr';
import { OCR_FILE_NAMES, ocrModelPath } from '../../../../extension/engine/ocr/ocr-model-files';
import { OCR_MODEL_IDS } from '../../../../shared/lite/ocr/read-text-in-image';
import type { OcrImage } from '../../../../shared/lite/ocr/ocr-image';
import { LoupeError } from '../../../../shared/protocol/errors';

const DIR = defaultOcrModelDir();
const HARBOR = new Uint8Array(readFileSync(new URL('../../../fixtures/articles/harbor.png', import.meta.url)));
// The networks the extension ships, on onnxruntime-node standing in for onnxruntime-web.
const runner = createOrtNodeRunner({
  models: {
    [OCR_MODEL_IDS.detector]: `${DIR}/${OCR_FILE_NAMES.detector}`,
    [OCR_MODEL_IDS.recognizer]: `${DIR}/${OCR_FILE_NAMES.recognizer}`,
  },
});
afterAll(() => runner.release());

/** RGBA pixels, as a canvas gives them (the browser path), from the daemon's decoder. */
async function rgba(bytes: Uint8Array): Promise<OcrImage> {
  const rgb = await decodeOcrImage(bytes);
  const data = new Uint8ClampedArray(rgb.width * rgb.height * 4);
  for (let i = 0, j = 0; i < rgb.data.length; i += 3, j += 4) data.set([rgb.data[i]!, rgb.data[i + 1]!, rgb.data[i + 2]!, 255], j);
  return { data, width: rgb.width, height: rgb.height, channels: 4 };
}

describe('createBrowserOcr (OCR in the engine host)', () => {
  it('reads the text of harbor.png from canvas pixels, loading the dictionary once', async () => {
    let loads = 0;
    const ocr = createBrowserOcr({
      runner,
      loadDictionary: async () => {
        loads += 1;
        return readFileSync(`${DIR}/${OCR_FILE_NAMES.dictionary}`, 'utf8');
      },
      decode: (bytes) => rgba(bytes),
    });
    const [first, second] = await Promise.all([ocr.readText(HARBOR, 'image/png'), ocr.readText(HARBOR, 'image/png')]);
    expect(first.text).toContain('Harbor Point vote: 6-3');
    expect(first.lineCount).toBeGreaterThan(0);
    expect(second).toEqual(first);
    expect(loads).toBe(1);
  });

  it('fails with the fix when the dictionary is missing, and reads it again on the next image', async () => {
    let attempt = 0;
    const ocr = createBrowserOcr({
      runner,
      loadDictionary: async () => {
        attempt += 1;
        if (attempt === 1)
          throw new LoupeError(
            'model-missing',
            'The model file chrome-extension://x/models/lite/ocr/ppocr_keys_v1.txt is missing from the extension: reinstall or rebuild the extension (npm run build).',
          );
        return readFileSync(`${DIR}/${OCR_FILE_NAMES.dictionary}`, 'utf8');
      },
      decode: (bytes) => rgba(bytes),
    });
    const error = await ocr.readText(HARBOR).catch((e: unknown) => e);
    expect((error as LoupeError).code).toBe('model-missing');
    expect((error as LoupeError).message).toContain('npm run build');
    expect((await ocr.readText(HARBOR)).text).toContain('Harbor Point');
  });

  it('asks the extension for the two networks by their bundled paths', () => {
    expect(ocrModelPath(OCR_MODEL_IDS.detector)).toBe('/models/lite/ocr/ch_PP-OCRv4_det_infer.onnx');
    expect(ocrModelPath(OCR_MODEL_IDS.recognizer)).toBe('/models/lite/ocr/ch_PP-OCRv4_rec_infer.onnx');
    expect(ocrModelPath('lite/entities')).toBeUndefined();
  });
});
