import { createInterface } from 'node:readline';
import { z } from 'zod';
import { LoupeError, toWireError } from '../../shared/protocol/errors';
import type { PageHints } from '../../shared/protocol/page-hints';
import type { TextTask } from '../../shared/protocol/results';
import { validate } from '../../shared/protocol/validate';
import type { AnalyzeFn } from '../server/server-deps';

const LineIdSchema = z.union([z.string(), z.number()]);
export const JsonlInputSchema = z.union([
  z.strictObject({ id: LineIdSchema, text: z.string() }),
  z.strictObject({ id: LineIdSchema, html: z.string(), url: z.string().optional() }),
]);
export type JsonlInput = z.infer<typeof JsonlInputSchema>;

// The HTML parser loads with the first line that holds HTML: a corpus of text lines never needs it.
let htmlExtractor: Promise<typeof import('../capture/extract-article')> | undefined;

/** The article's text and what the page says about itself (title, declared types, keywords, block roles). */
async function readHtml(html: string, url: string | undefined): Promise<{ text: string; page: PageHints }> {
  htmlExtractor ??= import('../capture/extract-article');
  const { extractArticle } = await htmlExtractor;
  return extractArticle(html, url);
}

function readId(json: unknown): string | number | null {
  const id = typeof json === 'object' && json !== null && 'id' in json ? json.id : undefined;
  return LineIdSchema.safeParse(id).success ? (id as string | number) : null;
}

async function analyzeLine(line: string, tasks: TextTask[], analyze: AnalyzeFn): Promise<object> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { id: null, error: toWireError(new LoupeError('bad-frame', `Line is not JSON: ${(error as Error).message}`)) };
  }
  const input = validate(JsonlInputSchema, json);
  if (!input.ok) {
    return {
      id: readId(json),
      error: toWireError(new LoupeError('bad-frame', `Expected {"id", "text"} or {"id", "html"}: ${input.error}`)),
    };
  }
  const { id } = input.value;
  try {
    // An HTML line is read as a page is: its genre, language and furniture come from its markup too.
    const { text, page } =
      'text' in input.value ? { text: input.value.text, page: undefined } : await readHtml(input.value.html, input.value.url);
    const analysis = await analyze(
      { text, tasks, tier: 'lite', ...(page ? { page } : {}) },
      { signal: new AbortController().signal, onProgress: () => {} },
    );
    return { id, text, ...analysis };
  } catch (error) {
    return { id, error: toWireError(error) };
  }
}

/** Lines analysed together: their entity tagging goes to the network as one batch. */
export const JSONL_WINDOW = 256;

/**
 * Reads one JSON object per line and writes one result line per input line, in input order;
 * a bad line gets an `error` line and the rest go on. Lines are analysed `window` at a time,
 * concurrently, so that an engine whose entity model gathers calls (see batchEntityCalls) runs
 * the network once per window rather than once per line. Returns how many lines failed.
 */
export async function analyzeJsonl(
  input: NodeJS.ReadableStream,
  write: (line: string) => void,
  tasks: TextTask[],
  analyze: AnalyzeFn,
  window = JSONL_WINDOW,
): Promise<number> {
  let failures = 0;
  let pending: string[] = [];
  const drain = async () => {
    if (pending.length === 0) return;
    const results = await Promise.all(pending.map((line) => analyzeLine(line, tasks, analyze)));
    pending = [];
    let out = '';
    for (const result of results) {
      if ('error' in result) failures += 1;
      out += JSON.stringify(result) + '\n';
    }
    // One write per window, not per line.
    write(out);
  };
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    pending.push(line);
    if (pending.length >= window) await drain();
  }
  await drain();
  return failures;
}
