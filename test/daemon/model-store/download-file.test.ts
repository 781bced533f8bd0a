import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadFile, HttpStatusError, OversizeError, type FetchLike } from '../../../daemon/model-store/download-file';

const body = Buffer.from('0123456789abcdefghij');
let dir: string;
let partial: string;

/** A server in a function: answers Range like a Hub CDN, recording the Range it was asked for. */
function fakeFetch(answer: (range: string | undefined) => Response): FetchLike & { ranges: (string | undefined)[] } {
  const ranges: (string | undefined)[] = [];
  const fetch = async (_url: string, init?: { headers?: Record<string, string> }) => {
    ranges.push(init?.headers?.Range);
    return answer(init?.headers?.Range);
  };
  return Object.assign(fetch, { ranges });
}

const download = (fetch: FetchLike, retries = 0, limits: { maxBytes?: number; expectedSize?: number } = {}) =>
  downloadFile({
    url: 'http://mirror/a/b/resolve/x/f',
    partial,
    fetch,
    retries,
    retryDelayMs: 0,
    onProgress: () => undefined,
    maxBytes: 1000,
    ...limits,
  });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'loupe-dl-'));
  partial = path.join(dir, 'f.partial');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('downloadFile', () => {
  it('keeps a partial file of exactly the recorded size without asking the server', async () => {
    await writeFile(partial, body);
    const fetch = fakeFetch(() => new Response('should not be asked', { status: 500 }));
    await download(fetch, 0, { expectedSize: body.length });
    expect(fetch.ranges).toEqual([]);
    expect(await readFile(partial)).toEqual(body);
  });

  it('starts over when a resume is answered 416 claiming the partial file is complete', async () => {
    await writeFile(partial, body.subarray(0, 8));
    const fetch = fakeFetch((range) =>
      range
        ? new Response(null, { status: 416, headers: { 'content-range': 'bytes */8' } })
        : new Response(body, { status: 200, headers: { 'content-length': String(body.length) } }),
    );
    await download(fetch);
    expect(fetch.ranges).toEqual(['bytes=8-', undefined]);
    expect(await readFile(partial)).toEqual(body);
  });

  it('stops a body without Content-Length at the byte limit and removes what it wrote', async () => {
    const endless = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(new Uint8Array(256)) });
    const error = await download(
      fakeFetch(() => new Response(endless, { status: 200 })),
      3,
      { maxBytes: 1000 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OversizeError);
    await expect(readFile(partial)).rejects.toThrow();
  });

  it('refuses a body announced over the limit without reading it', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulled++;
        controller.enqueue(new Uint8Array(10));
      },
    });
    const error = await download(
      fakeFetch(() => new Response(body, { status: 200, headers: { 'content-length': '5000' } })),
      0,
      { maxBytes: 1000 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OversizeError);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('starts over when the server resumes from another offset than asked', async () => {
    await writeFile(partial, body.subarray(0, 8));
    const fetch = fakeFetch((range) =>
      range
        ? new Response(body.subarray(4), { status: 206, headers: { 'content-range': `bytes 4-19/${body.length}` } })
        : new Response(body, { status: 200, headers: { 'content-length': String(body.length) } }),
    );
    await download(fetch);
    expect(fetch.ranges).toEqual(['bytes=8-', undefined]);
    expect(await readFile(partial)).toEqual(body);
  });

  it('gives up at once on a 404 but retries a 503', async () => {
    const notFound = fakeFetch(() => new Response('Entry not found', { status: 404, statusText: 'Not Found' }));
    await expect(download(notFound, 3)).rejects.toBeInstanceOf(HttpStatusError);
    expect(notFound.ranges).toHaveLength(1);

    let calls = 0;
    const flaky = fakeFetch(() => (calls++ === 0 ? new Response('busy', { status: 503 }) : new Response(body, { status: 200 })));
    await download(flaky, 1);
    expect(await readFile(partial)).toEqual(body);
  });
});
