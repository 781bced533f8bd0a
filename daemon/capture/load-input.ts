import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkHtmlBytes, checkTextLength, INPUT_LIMITS } from '../../shared/limits';
import { LoupeError } from '../../shared/protocol/errors';
import type { PageHints } from '../../shared/protocol/page-hints';
import { extractArticle } from './extract-article';

export interface LoadedInput {
  title: string;
  text: string;
  byline?: string;
  /** What an HTML page says about itself (block roles, declared language and types). */
  page?: PageHints;
}

const FETCH_TIMEOUT_MS = 30_000;
const SPLIT_THE_FILE = 'split the file, or analyse a part of it';

/** The body of `response`, refused as soon as it grows past the HTML byte limit. */
async function boundedBody(response: Response, url: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared)) checkHtmlBytes(declared, `save the part you want from ${url} and run \`loupe analyze page.html\``);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    received += read.value.byteLength;
    if (received > INPUT_LIMITS.maxHtmlBytes) {
      await reader?.cancel();
      checkHtmlBytes(received, `save the part you want from ${url} and run \`loupe analyze page.html\``);
    }
    chunks.push(read.value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

async function fetchPage(url: string): Promise<LoadedInput> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'text/html, text/plain;q=0.9' } });
  } catch (error) {
    throw new LoupeError(
      'bad-input',
      `Could not fetch ${url}: ${(error as Error).message}. Check the address, or save the page and run \`loupe analyze page.html\`.`,
    );
  }
  if (!response.ok)
    throw new LoupeError(
      'bad-input',
      `Fetching ${url} answered ${response.status} ${response.statusText}. Save the page from your browser and run \`loupe analyze page.html\`.`,
    );
  const body = await boundedBody(response, url);
  if (/text\/plain/i.test(response.headers.get('content-type') ?? ''))
    return withinLimit({ title: url, text: body }, 'save a part of it to a file and analyse that');
  return withinLimit(extractArticle(body, url), 'save a part of it to a file and analyse that');
}

function withinLimit(input: LoadedInput, fix: string): LoadedInput {
  checkTextLength(input.text.length, fix);
  return input;
}

async function readLocal(source: string): Promise<string> {
  try {
    const { size } = await stat(source);
    // Checked before reading: a text file has at least a third as many characters as bytes.
    if (/\.x?html?$/i.test(source)) checkHtmlBytes(size, SPLIT_THE_FILE);
    else checkTextLength(Math.ceil(size / 3), SPLIT_THE_FILE);
    return await readFile(source, 'utf8');
  } catch (error) {
    if (error instanceof LoupeError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new LoupeError(
      'bad-input',
      code === 'ENOENT'
        ? `No such file: ${source}. Give a .html or .txt file, or an http(s) URL.`
        : `Cannot read ${source}: ${(error as Error).message}`,
    );
  }
}

/**
 * Reads what `loupe analyze` was given: an http(s) URL, an .html/.htm file, or a text file.
 * Inputs over the limits of shared/limits.ts are refused with `input-too-large` naming the
 * limit, before they are parsed where possible.
 */
export async function loadInput(source: string): Promise<LoadedInput> {
  if (/^https?:\/\//i.test(source)) return fetchPage(source);
  const contents = await readLocal(source);
  if (/\.x?html?$/i.test(source)) return withinLimit(extractArticle(contents, source), SPLIT_THE_FILE);
  return withinLimit({ title: path.basename(source), text: contents }, SPLIT_THE_FILE);
}
