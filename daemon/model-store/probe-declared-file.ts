import { type DeclaredFile, declaredFileFromHeaders } from '../../shared/models/declared-file';
import { type FetchLike, HttpStatusError, IDENTITY_ENCODING } from './download-file';

// A renamed repository answers with a relative redirect to its new name; the Hub's own client
// follows those, and so does this, a few times at most.
const MAX_SAME_ORIGIN_REDIRECTS = 5;

export interface ProbeOptions {
  url: string;
  fetch: FetchLike;
  retries: number;
  retryDelayMs: number;
}

async function probeOnce(fetch: FetchLike, url: string): Promise<DeclaredFile> {
  let target = url;
  for (let hop = 0; ; hop++) {
    const response = await fetch(target, { method: 'HEAD', headers: { ...IDENTITY_ENCODING }, redirect: 'manual' });
    await response.body?.cancel();
    // A mirror that does not answer HEAD declares nothing.
    if (response.status === 405 || response.status === 501) return {};
    const redirect = response.status >= 300 && response.status < 400;
    if (!response.ok && !redirect) throw new HttpStatusError(target, response.status, response.statusText);
    const declared = declaredFileFromHeaders(response.headers);
    const location = response.headers.get('location');
    if (!redirect || declared.digest || !location || hop >= MAX_SAME_ORIGIN_REDIRECTS) return declared;
    // A redirect to another host is the CDN: its headers describe its copy, not the commit's file.
    const next = new URL(location, target);
    if (next.origin !== new URL(target).origin) return declared;
    target = next.href;
  }
}

/**
 * What the mirror declares about the file at `url` (a `resolve/<revision>/<path>` URL), read
 * from the headers of its first answer to a HEAD, never from wherever a redirect leads: see
 * `declaredFileFromHeaders`. 404 and other refusals throw {@link HttpStatusError} as a download
 * would; 5xx, 429 and dropped connections are retried `retries` times.
 */
export async function probeDeclaredFile(options: ProbeOptions): Promise<DeclaredFile> {
  let lastError: unknown;
  for (let tries = 0; tries <= options.retries; tries++) {
    if (tries > 0 && options.retryDelayMs > 0) await new Promise((r) => setTimeout(r, options.retryDelayMs * tries));
    try {
      return await probeOnce(options.fetch, options.url);
    } catch (error) {
      if (error instanceof HttpStatusError && !error.retryable) throw error;
      lastError = error;
    }
  }
  throw lastError;
}
