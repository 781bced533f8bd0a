import { open, stat } from 'node:fs/promises';
import { removeIfPresent } from './remove-if-present';

export type FetchLike = (url: string, init?: { headers?: Record<string, string> }) => Promise<Response>;

/** The server answered with an HTTP error; `retryable` for 5xx and 429. */
export class HttpStatusError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
  ) {
    super(`${url} answered ${status} ${statusText}`.trim());
    this.name = 'HttpStatusError';
  }
  get retryable(): boolean {
    return this.status >= 500 || this.status === 429;
  }
}

/** The server sent (or announced) more bytes than the file may have; never retried. */
export class OversizeError extends Error {
  constructor(
    readonly url: string,
    readonly limit: number,
    readonly received: number,
  ) {
    super(`${url} sent or announced ${received} bytes, over the ${limit}-byte limit for this file`);
    this.name = 'OversizeError';
  }
}

export interface DownloadOptions {
  url: string;
  /** Where the bytes accumulate; kept between attempts and between runs to resume from. */
  partial: string;
  fetch: FetchLike;
  /** Further attempts after a dropped connection or a 5xx. */
  retries: number;
  retryDelayMs: number;
  onProgress(completed: number, total: number | undefined): void;
  /**
   * The file's size when the catalogue records it. A partial file of exactly this size is taken
   * as complete without asking the server (its digest is checked next); what a server says about
   * the size is never trusted.
   */
  expectedSize?: number;
  /** Bytes accepted at most: the download stops, and fails, as soon as the body passes it. */
  maxBytes: number;
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

// Content-Range is `bytes <start>-<end>/<total>`, or `bytes *\/<total>` on a 416.
function parseContentRange(header: string | null): { start?: number; total?: number } {
  const match = /^bytes (?:(\d+)-\d+|\*)\/(\d+|\*)$/.exec(header?.trim() ?? '');
  if (!match) return {};
  return { start: match[1] === undefined ? undefined : Number(match[1]), total: match[2] === '*' ? undefined : Number(match[2]) };
}

type Attempt = { done: boolean };

async function writeBody(response: Response, options: DownloadOptions, offset: number, total: number | undefined): Promise<void> {
  const handle = await open(options.partial, offset > 0 ? 'a' : 'w');
  let completed = offset;
  const reader = response.body?.getReader();
  try {
    options.onProgress(completed, total);
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      completed += read.value.byteLength;
      if (completed > options.maxBytes) {
        await reader?.cancel();
        throw new OversizeError(options.url, options.maxBytes, completed);
      }
      await handle.write(read.value);
      options.onProgress(completed, total);
    }
  } finally {
    await handle.close();
  }
  if (total !== undefined && completed !== total) {
    throw new Error(`connection closed after ${completed} of ${total} bytes`);
  }
}

async function attempt(options: DownloadOptions): Promise<Attempt> {
  let offset = await sizeOf(options.partial);
  if (offset > (options.expectedSize ?? options.maxBytes)) {
    await removeIfPresent(options.partial);
    offset = 0;
  }
  // Complete already (a crash between download and rename): the digest check decides.
  if (options.expectedSize !== undefined && offset === options.expectedSize) return { done: true };
  const headers: Record<string, string> = offset > 0 ? { Range: `bytes=${offset}-` } : {};
  const response = await options.fetch(options.url, { headers });
  const range = parseContentRange(response.headers.get('content-range'));
  if (response.status === 416) {
    // "Nothing left to send" is a claim about our partial file that we cannot check: start over.
    await response.body?.cancel();
    return { done: false };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new HttpStatusError(options.url, response.status, response.statusText);
  }
  const length = Number(response.headers.get('content-length') ?? NaN);
  const resumed = response.status === 206 && range.start === offset;
  if (response.status === 206 && !resumed) {
    await response.body?.cancel();
    return { done: false };
  }
  const start = resumed ? offset : 0;
  const announced = range.total ?? (Number.isFinite(length) ? start + length : undefined);
  if (announced !== undefined && announced > options.maxBytes) {
    await response.body?.cancel();
    throw new OversizeError(options.url, options.maxBytes, announced);
  }
  // 200: the server ignored Range (or there was nothing to resume): the file starts over.
  await writeBody(response, options, start, announced);
  return { done: true };
}

/**
 * Downloads `url` into `options.partial`, resuming with an HTTP Range request from whatever the
 * partial file already holds. A 206 appends; a 200 (a server that ignores Range) rewrites the
 * file from the start; a 416 starts over. Never more than `maxBytes` are written. Dropped
 * connections and 5xx answers are retried `retries` times; the partial file is left in place on
 * such failures so the next pull resumes. The caller checks size and digest before using it.
 */
export async function downloadFile(options: DownloadOptions): Promise<void> {
  let lastError: unknown;
  let restarted = false;
  for (let tries = 0; tries <= options.retries; tries++) {
    if (tries > 0 && options.retryDelayMs > 0) await new Promise((r) => setTimeout(r, options.retryDelayMs * tries));
    try {
      const result = await attempt(options);
      if (result.done) return;
      await removeIfPresent(options.partial);
      lastError = new Error('the server could not resume the download');
      // Starting over from byte 0 after a refused resume is not a failure: it costs no try.
      if (!restarted) tries--;
      restarted = true;
    } catch (error) {
      if (error instanceof OversizeError) await removeIfPresent(options.partial);
      if ((error instanceof HttpStatusError && !error.retryable) || error instanceof OversizeError) throw error;
      lastError = error;
    }
  }
  throw lastError;
}
