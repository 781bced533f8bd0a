import { pathToFileURL } from 'node:url';
import { createOcrEngine } from '../../../daemon/ocr/create-ocr-engine';
import { renderTextPng } from './render-text-png';

export interface OcrBenchmark {
  /** First read, including loading both networks. */
  readonly coldMs: number;
  /** Mean warm read of each image, by name and size. */
  readonly msPerImage: Record<string, { width: number; height: number; ms: number }>;
  readonly backend: string | null;
}

const IMAGES = {
  banner: ['Harbor Point vote: 6-3', 'Tickets $12.50 at City Hall'],
  infographic: [
    'Regional rail ridership, 2019-2025',
    'Nordic Rail AB: 41.2 million trips',
    'Up 12% on the year before',
    'Peak hour: 7:45-8:30 am',
    'Average fare $3.10',
    'Source: annual report, p. 18',
  ],
} as const;

/** Milliseconds per OCR read on this machine (images rendered with sharp, no browser). Prints nothing. */
export async function benchmarkOcr(runs = 5): Promise<OcrBenchmark> {
  const engine = createOcrEngine();
  try {
    const pngs = Object.entries(IMAGES).map(
      async ([name, lines]) => [name, await renderTextPng(lines, { fontSize: name === 'banner' ? 32 : 22 })] as const,
    );
    const images = await Promise.all(pngs);
    const coldStart = performance.now();
    await engine.readText(images[0]![1]);
    const coldMs = performance.now() - coldStart;
    const msPerImage: OcrBenchmark['msPerImage'] = {};
    for (const [name, png] of images) {
      const { width, height } = readPngSize(png);
      const start = performance.now();
      for (let i = 0; i < runs; i++) await engine.readText(png);
      msPerImage[name] = { width, height, ms: (performance.now() - start) / runs };
    }
    return { coldMs, msPerImage, backend: engine.backend };
  } finally {
    await engine.close();
  }
}

function readPngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(await benchmarkOcr(), null, 2) + '\n');
}
