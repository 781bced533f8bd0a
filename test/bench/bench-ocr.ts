import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Ocr from '@gutenye/ocr-node';
import { createOcrEngine } from '../../daemon/ocr/create-ocr-engine';
import { benchmarkOcr } from '../../test/eval/ocr/benchmark-ocr';
import { renderTextPng } from '../../test/eval/ocr/render-text-png';
import { heading, measure, note, num, rows } from './bench-timing';

/** Written for this bench: a two-line banner and a six-line chart legend. */
const IMAGES = {
  banner: { lines: ['Ferry timetable from 3 May', 'Last boat 23:40 from Pier 4'], fontSize: 30 },
  legend: {
    lines: [
      'Household energy use, 2018-2024',
      'Heating: 61% of the total',
      'Hot water: 18%',
      'Appliances: 14%',
      'Lighting: 4%',
      'Source: national survey, table 7',
    ],
    fontSize: 22,
  },
} as const;

interface OcrNodeLike {
  detect(imagePath: string): Promise<unknown[]>;
}

/** Ms per image of Loupe's OCR engine vs @gutenye/ocr-node (same PaddleOCR models) on the same PNGs. */
export async function benchOcrSection(): Promise<void> {
  heading("OCR: Loupe's engine vs @gutenye/ocr-node (baseline, same PaddleOCR v4 models), ms per image");
  const dir = await mkdtemp(path.join(os.tmpdir(), 'loupe-bench-ocr-'));
  const engine = createOcrEngine();
  try {
    const table: Array<[string, string, string, string]> = [['image', 'pixels', 'Loupe ms', 'ocr-node ms']];
    const baseline = (await Ocr.create()) as OcrNodeLike;
    for (const [name, { lines, fontSize }] of Object.entries(IMAGES)) {
      const png = await renderTextPng(lines, { fontSize });
      const file = path.join(dir, `${name}.png`);
      await writeFile(file, png);
      const loupe = await measure(() => engine.readText(png), { warmup: 1, runs: 5 });
      const theirs = await measure(() => baseline.detect(file), { warmup: 1, runs: 5 });
      const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
      table.push([
        `${name} (${lines.length} lines)`,
        `${view.getUint32(16)}×${view.getUint32(20)}`,
        num(loupe.medianMs),
        num(theirs.medianMs),
      ]);
    }
    rows(table);
    note(`both on onnxruntime-node CPU; Loupe's figure includes decoding the PNG with sharp (ocr-node reads the file itself)`);
  } finally {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  }
  const helper = await benchmarkOcr(5);
  const perImage = Object.entries(helper.msPerImage).map(([name, m]) => `${name} ${m.width}×${m.height}: ${num(m.ms)} ms`);
  note(`cross-check, benchmarkOcr() of test/eval/ocr (its own images, mean of 5): cold ${num(helper.coldMs)} ms; ${perImage.join('; ')}`);
}
