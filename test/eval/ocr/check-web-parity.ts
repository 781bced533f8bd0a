import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-web';
import { decodeOcrImage } from '../../../daemon/ocr/decode-ocr-image';
import { loadOcrRunner } from '../../../daemon/ocr/load-ocr-runner';
import { locateOcrModelFiles } from '../../../daemon/ocr/ocr-model-files';
import { parseOcrDictionary } from '../../../shared/lite/ocr/ctc-decode';
import type { OcrImage } from '../../../shared/lite/ocr/ocr-image';
import { OCR_MODEL_IDS, readTextInImage } from '../../../shared/lite/ocr/read-text-in-image';
import type { TensorRunner } from '../../../shared/lite/tensor-runner';
import { renderTextPng } from './render-text-png';

/**
 * Evidence for the extension path: the shared OCR pipeline on onnxruntime-web (`wasm`, run in
 * Node) over RGBA pixels, as a canvas gives them, against onnxruntime-node over RGB.
 */
export async function checkWebParity(): Promise<{ node: string; web: string; same: boolean }> {
  ort.env.wasm.numThreads = 1;
  const files = await locateOcrModelFiles();
  const open = async (path: string) => ort.InferenceSession.create(new Uint8Array(await readFile(path)), { executionProviders: ['wasm'] });
  const sessions = new Map<string, ort.InferenceSession>([
    [OCR_MODEL_IDS.detector, await open(files.detector)],
    [OCR_MODEL_IDS.recognizer, await open(files.recognizer)],
  ]);
  const web: TensorRunner = {
    backend: 'wasm',
    async run(id, feeds) {
      const inputs = Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, new ort.Tensor(t.type, t.data, [...t.dims])]));
      const outputs = await sessions.get(id)!.run(inputs);
      return Object.fromEntries(
        Object.entries(outputs).map(([k, t]) => [k, { type: 'float32' as const, data: t.data as Float32Array, dims: t.dims }]),
      );
    },
  };
  const node = await loadOcrRunner(files);
  const characters = parseOcrDictionary(await readFile(files.dictionary, 'utf8'));
  const rgb = await decodeOcrImage(
    await renderTextPng(['Harbor Point vote: 6-3', 'Tickets $12.50 at City Hall', 'Maria Okonkwo, CEO'], { fontSize: 24 }),
  );
  try {
    const a = await readTextInImage(rgb, node, characters);
    const b = await readTextInImage(toRgba(rgb), web, characters);
    return { node: a.text, web: b.text, same: a.text === b.text };
  } finally {
    await node.release();
  }
}

function toRgba(image: OcrImage): OcrImage {
  const data = new Uint8ClampedArray(image.width * image.height * 4).fill(255);
  for (let i = 0; i < image.width * image.height; i++) data.set(image.data.subarray(i * 3, i * 3 + 3), i * 4);
  return { data, width: image.width, height: image.height, channels: 4 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(await checkWebParity(), null, 2) + '\n');
}
