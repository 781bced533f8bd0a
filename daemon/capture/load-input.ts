import { readFile } from 'node:fs/promises';
import path from 'node:path';
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

async function fetchPage(url: string): Promise<LoadedInput> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'text/html, text/plain;q=0.9' } });
  } catch (error) {
    throw new LoupeError('bad-input', `Could not fetch ${url}: ${(error as Error).message}. Check the address, or save the page and run \`loupe analyze page.html\`.`);
  }
  if (!response.ok) throw new LoupeError('bad-input', `Fetching ${url} answered ${response.status} ${response.statusText}. Save the page from your browser and run \`loupe analyze page.html\`.`);
  const body = await response.text();
  if (/text\/plain/i.test(response.headers.get('content-type') ?? '')) return { title: url, text: body };
  return extractArticle(body, url);
}

/** Reads what `loupe analyze` was given: an http(s) URL, an .html/.htm file, or a text file. */
export async function loadInput(source: string): Promise<LoadedInput> {
  if (/^https?:\/\//i.test(source)) return fetchPage(source);
  let contents: string;
  try {
    contents = await readFile(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LoupeError('bad-input', code === 'ENOENT' ? `No such file: ${source}. Give a .html or .txt file, or an http(s) URL.` : `Cannot read ${source}: ${(error as Error).message}`);
  }
  if (/\.x?html?$/i.test(source)) return extractArticle(contents, source);
  return { title: path.basename(source), text: contents };
}
