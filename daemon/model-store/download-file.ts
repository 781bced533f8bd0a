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

export interface DownloadOptions {
  url: string;
  /** Where the bytes accumulate; kept between attempts and between runs to resume from. */
  partial: string;
  fetch: FetchLike;
  /** Further attempts after a dropped connection or a 5xx. */
  retries: number;
  retryDelayMs: number;
  onProgress(completed: number, total: number | undefined): void;
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
  try {
    options.onProgress(completed, total);
    const reader = response.body?.getReader();
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      await handle.write(read.value);
      completed += read.value.byteLength;
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
  const offset = await sizeOf(options.partial);
  const headers: Record<string, string> = offset > 0 ? { Range: `bytes=${offset}-` } : {};
  const response = await options.fetch(options.url, { headers });
  const range = parseContentRange(response.headers.get('content-range'));
  if (response.status === 416 && offset > 0) {
    await response.body?.cancel();
    // The partial file already holds every byte (a crash between download and rename).
    if (range.total === offset) return { done: true };
    return { done: false };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new HttpStatusError(options.url, response.status, response.statusText);
  }
  const length = Number(response.headers.get('content-length') ?? NaN);
  if (response.status === 206 && range.start === offset) {
    await writeBody(response, options, offset, range.total ?? (Number.isFinite(length) ? offset + length : undefined));
    return { done: true };
  }
  if (response.status === 206) {
    await response.body?.cancel();
    return { done: false };
  }
  // 200: the server ignored Range (or there was nothing to resume): start the file over.
  await writeBody(response, options, 0, Number.isFinite(length) ? length : undefined);
  return { done: true };
}

/**
 * Downloads `url` into `options.partial`, resuming with an HTTP Range request from whatever the
 * partial file already holds. A 206 appends; a 200 (a server that ignores Range) rewrites the
 * file from the start. Dropped connections and 5xx answers are retried `retries` times; the
 * partial file is left in place on failure so the next pull resumes.
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
      if (error instanceof HttpStatusError && !error.retryable) throw error;
      lastError = error;
    }
  }
  throw lastError;
}
