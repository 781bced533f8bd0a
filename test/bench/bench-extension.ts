import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import buildExtensionIfStale from '../e2e/global-setup';
import { startExtensionBrowser, type ExtensionBrowser } from '../e2e/helpers/launch-browser';
import { annotateInChromium, type AnnotationRun } from './extension/annotate-in-chromium';
import { measureExtensionMemory } from './extension/extension-memory';
import { beforeBuild } from './extension/before-build';
import { longPage } from './extension/long-page';
import { installMessageMeter, totalBytes } from './extension/message-meter';
import { heading, note, num, rows, summarise } from './bench-timing';

const WORDS = 20_000;
const COLD_RUNS = 3;
const WARM_RUNS = 5;
const BASELINE_FILE = fileURLToPath(new URL('./baselines/extension-before.json', import.meta.url));

const BytesSchema = z.strictObject({
  toContent: z.number(),
  fromContent: z.number(),
  toEngineHost: z.number(),
  fromEngineHost: z.number(),
  toStorage: z.number(),
  messages: z.number(),
});
export const ExtensionFiguresSchema = z.strictObject({
  words: z.number().int(),
  warmMs: z.number(),
  coldMs: z.number(),
  firstHighlightWarmMs: z.number(),
  firstHighlightColdMs: z.number(),
  bytes: BytesSchema,
  memory: z.strictObject({
    serviceWorkerHeap: z.number(),
    engineHostHeap: z.number(),
    pageHeap: z.number(),
    extensionProcessPss: z.number(),
  }),
  highlights: z.strictObject({ summary: z.number(), entity: z.number(), bias: z.number() }),
});
export type ExtensionFigures = z.infer<typeof ExtensionFiguresSchema>;

/** The figures of the extension before a change, measured on this machine by this same bench. */
export const ExtensionBaselineSchema = z.strictObject({
  /** The commit whose extension was measured. */
  commit: z.string(),
  recordedAt: z.string(),
  machine: z.string(),
  figures: ExtensionFiguresSchema,
});

async function servePage(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/long-page.html`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function withBrowser<T>(extensionDir: string | undefined, work: (chromium: ExtensionBrowser) => Promise<T>): Promise<T> {
  const chromium = await startExtensionBrowser(extensionDir ? { extensionDir } : {});
  try {
    await installMessageMeter(chromium.worker);
    return await work(chromium);
  } finally {
    await chromium.close();
  }
}

const median = (values: number[]) => summarise(values).medianMs;

interface Runs {
  cold: AnnotationRun[];
  warm: AnnotationRun[];
  memory?: ExtensionFigures['memory'];
}

/** One fresh browser: a cold annotation, then (the first time) warm ones and the memory after them. */
async function measureOnce(url: string, runs: Runs, extensionDir: string | undefined): Promise<void> {
  await withBrowser(extensionDir, async (chromium) => {
    runs.cold.push(await annotateInChromium(chromium, url));
    if (runs.memory) return;
    for (let w = 0; w < WARM_RUNS; w += 1) {
      const pages = await chromium.browser.pages();
      await Promise.all(pages.filter((p) => p.url() === url).map((p) => p.close()));
      runs.warm.push(await annotateInChromium(chromium, url));
    }
    runs.memory = await measureExtensionMemory(chromium.browser, chromium.extensionId, url);
  });
}

function figuresOf(runs: Runs, words: number): ExtensionFigures {
  const last = runs.warm.at(-1)!;
  return {
    words,
    warmMs: median(runs.warm.map((r) => r.totalMs)),
    coldMs: median(runs.cold.map((r) => r.totalMs)),
    firstHighlightWarmMs: median(runs.warm.map((r) => r.firstHighlightMs)),
    firstHighlightColdMs: median(runs.cold.map((r) => r.firstHighlightMs)),
    bytes: last.bytes,
    memory: runs.memory!,
    highlights: last.highlights,
  };
}

/** Figures of this checkout's build and, when given, of another build, browser by browser in turn. */
async function measureFigures(
  url: string,
  words: number,
  beforeDir?: string,
): Promise<{ now: ExtensionFigures; before?: ExtensionFigures }> {
  const now: Runs = { cold: [], warm: [] };
  const before: Runs = { cold: [], warm: [] };
  for (let i = 0; i < COLD_RUNS; i += 1) {
    if (beforeDir) await measureOnce(url, before, beforeDir);
    await measureOnce(url, now, undefined);
  }
  return { now: figuresOf(now, words), ...(beforeDir ? { before: figuresOf(before, words) } : {}) };
}

const seconds = (ms: number) => `${num(ms / 1000)} s`;
const kib = (bytes: number) => `${num(bytes / 1024)} KiB`;
const mib = (bytes: number) => `${num(bytes / 2 ** 20)} MiB`;

interface Column {
  title: string;
  figures: ExtensionFigures;
}

function printFigures(columns: readonly Column[]): void {
  const line = (label: string, pick: (f: ExtensionFigures) => string): [string, ...string[]] => [
    label,
    ...columns.map((c) => pick(c.figures)),
  ];
  const hl = (f: ExtensionFigures) => `${f.highlights.summary}/${f.highlights.entity}/${f.highlights.bias}`;
  rows([
    ['', ...columns.map((c) => c.title)],
    line(`fully annotated, warm (median of ${WARM_RUNS})`, (f) => seconds(f.warmMs)),
    line(`fully annotated, cold (median of ${COLD_RUNS} fresh browsers)`, (f) => seconds(f.coldMs)),
    line('first highlight, warm', (f) => seconds(f.firstHighlightWarmMs)),
    line('first highlight, cold', (f) => seconds(f.firstHighlightColdMs)),
    line('bytes between contexts, one annotation', (f) => kib(totalBytes(f.bytes))),
    line('  background → content script', (f) => kib(f.bytes.toContent)),
    line('  content script → background', (f) => kib(f.bytes.fromContent)),
    line('  background → engine host', (f) => kib(f.bytes.toEngineHost)),
    line('  engine host → background', (f) => kib(f.bytes.fromEngineHost)),
    line('  background → storage.session (side panel)', (f) => kib(f.bytes.toStorage)),
    line('  messages', (f) => String(f.bytes.messages)),
    line('memory after annotating: extension process (PSS)', (f) => mib(f.memory.extensionProcessPss)),
    line('  service worker JS heap', (f) => mib(f.memory.serviceWorkerHeap)),
    line('  engine host JS heap', (f) => mib(f.memory.engineHostHeap)),
    line('  annotated tab JS heap (content script)', (f) => mib(f.memory.pageHeap)),
    line('highlights placed (summary/entity/bias)', hl),
  ]);
}

function currentCommit(): string {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'extension', 'shared', 'wxt.config.ts'], { encoding: 'utf8' }).trim();
  return dirty ? `${head}+uncommitted` : head;
}

/** `--before=<commit>` of the flags, if given. */
function beforeFlag(flags: readonly string[]): string | undefined {
  return flags.find((f) => f.startsWith('--before='))?.slice('--before='.length) || undefined;
}

/**
 * `npm run bench -- extension [--before=<commit>] [--save-baseline]`: the built extension
 * annotating a 20,000-word page in Chromium with its own engine (no daemon): time to the last and
 * to the first highlight, warm and cold, bytes sent between its contexts, and its memory
 * afterwards, beside the figures recorded before the redesign (test/bench/baselines). With
 * `--before`, that commit's extension is built and measured in this same run, browser by browser
 * in turn with this checkout's; `--save-baseline` records the "before" figures of this run (or,
 * without `--before`, this checkout's) as the baseline.
 */
export async function benchExtensionSection(flags: readonly string[]): Promise<void> {
  const page = longPage(WORDS);
  heading(`extension: annotate a ${num(page.words)}-word page (${page.paragraphs} paragraphs) in Chromium, browser engine`);
  buildExtensionIfStale();
  const commit = beforeFlag(flags);
  const other = commit ? beforeBuild(commit) : undefined;
  const recorded = existsSync(BASELINE_FILE) ? ExtensionBaselineSchema.parse(JSON.parse(readFileSync(BASELINE_FILE, 'utf8'))) : undefined;
  const server = await servePage(page.html);
  try {
    const { now, before } = await measureFigures(server.url, page.words, other?.dir);
    printFigures([
      ...(recorded ? [{ title: `before (${recorded.commit.slice(0, 9)}, recorded)`, figures: recorded.figures }] : []),
      ...(before && other ? [{ title: `before (${other.commit.slice(0, 9)}, this run)`, figures: before }] : []),
      { title: 'now', figures: now },
    ]);
    if (recorded) note(`recorded: the extension at commit ${recorded.commit}, measured ${recorded.recordedAt} on ${recorded.machine}`);
    if (flags.includes('--save-baseline')) {
      const machine = `${(await import('node:os')).cpus().length} cores, node ${process.version}`;
      const baseline = { commit: other?.commit ?? currentCommit(), recordedAt: new Date().toISOString(), machine, figures: before ?? now };
      writeFileSync(BASELINE_FILE, `${JSON.stringify(ExtensionBaselineSchema.parse(baseline), null, 2)}\n`);
      note(`recorded as the baseline in ${BASELINE_FILE}`);
    }
  } finally {
    await server.close();
  }
}
