import { pathToFileURL } from 'node:url';
import { createOcrEngine, OCR_MODEL_ID } from '../../../daemon/ocr/create-ocr-engine';
import { editDistance } from './character-accuracy';
import { ocrEvalCases, type OcrEvalCase } from './ocr-eval-set';
import { launchTextRenderer } from './render-in-chromium';

/** Reads the text of a PNG, as one line. */
export type TextReader = (png: Uint8Array) => Promise<string>;

/** Character accuracy (1 − Σ edit distance / Σ reference length) and exact-line rate of a group. */
export interface OcrScore {
  readonly images: number;
  readonly characterAccuracy: number;
  readonly exactLineRate: number;
}

export interface OcrReaderReport {
  readonly overall: OcrScore;
  readonly byFont: Record<string, OcrScore>;
  readonly bySize: Record<string, OcrScore>;
  readonly byScheme: Record<string, OcrScore>;
  /** Mean wall time of one read, rendering excluded. */
  readonly msPerImage: number;
  /** Up to 10 misreadings, worst first, for eyeballing. */
  readonly worst: { expected: string; read: string; font: string; size: number; scheme: string }[];
}

export interface OcrEvalReport {
  readonly model: string;
  readonly cases: number;
  /** `loupe-ocr`: the daemon's engine. `context-only`: the lite description before OCR, which has no pixel text (a floor, not a competitor). */
  readonly readers: Record<string, OcrReaderReport>;
}

interface Outcome {
  c: OcrEvalCase;
  read: string;
  distance: number;
  ms: number;
}

/**
 * Renders every evaluation case in Chromium, reads each screenshot with every reader, and
 * scores them. Prints nothing. Needs /usr/bin/chromium and the OCR models.
 */
export async function evaluateOcr(options: { readers?: Record<string, TextReader>; cases?: OcrEvalCase[] } = {}): Promise<OcrEvalReport> {
  const cases = options.cases ?? ocrEvalCases();
  const engine = options.readers ? null : createOcrEngine();
  const readers: Record<string, TextReader> = options.readers ?? {
    'loupe-ocr': async (png) => (await engine!.readText(png)).text,
    'context-only': async () => '',
  };
  const outcomes = new Map<string, Outcome[]>(Object.keys(readers).map((name) => [name, []]));
  const renderer = await launchTextRenderer();
  try {
    for (const c of cases) {
      const png = await renderer.render(c);
      for (const [name, read] of Object.entries(readers)) {
        const started = performance.now();
        const text = (await read(png)).replace(/\s+/g, ' ').trim();
        outcomes.get(name)!.push({ c, read: text, distance: editDistance(text, c.phrase), ms: performance.now() - started });
      }
    }
  } finally {
    await renderer.close();
    await engine?.close();
  }
  const report = Object.fromEntries([...outcomes].map(([name, list]) => [name, summarise(list)]));
  return { model: OCR_MODEL_ID, cases: cases.length, readers: report };
}

function summarise(outcomes: Outcome[]): OcrReaderReport {
  const by = (key: (o: Outcome) => string) => {
    const groups = new Map<string, Outcome[]>();
    for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
    return Object.fromEntries([...groups].map(([k, list]) => [k, score(list)]));
  };
  const worst = [...outcomes]
    .filter((o) => o.distance > 0)
    .sort((a, b) => b.distance / b.c.phrase.length - a.distance / a.c.phrase.length)
    .slice(0, 10)
    .map((o) => ({ expected: o.c.phrase, read: o.read, font: o.c.font.name, size: o.c.size, scheme: o.c.scheme.name }));
  return {
    overall: score(outcomes),
    byFont: by((o) => o.c.font.name),
    bySize: by((o) => `${o.c.size}px`),
    byScheme: by((o) => o.c.scheme.name),
    msPerImage: outcomes.reduce((sum, o) => sum + o.ms, 0) / Math.max(1, outcomes.length),
    worst,
  };
}

function score(outcomes: Outcome[]): OcrScore {
  const reference = outcomes.reduce((sum, o) => sum + o.c.phrase.length, 0);
  const distance = outcomes.reduce((sum, o) => sum + o.distance, 0);
  return {
    images: outcomes.length,
    characterAccuracy: reference === 0 ? 0 : Math.max(0, 1 - distance / reference),
    exactLineRate: outcomes.filter((o) => o.read === o.c.phrase).length / Math.max(1, outcomes.length),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(await evaluateOcr(), null, 2) + '\n');
}
