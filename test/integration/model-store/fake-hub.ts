import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface HubRequest {
  path: string;
  range: string | undefined;
  status: number;
}

/**
 * A local server in the Hugging Face layout (`/<repo>/resolve/<revision>/<file>`) with fault
 * switches. Like the Hub, it declares what each file is in its headers: weights (`.onnx`) are
 * LFS files, with `X-Linked-Etag` (sha256) and `X-Linked-Size`; other files carry their git blob
 * id as `ETag`; every answer names the commit in `X-Repo-Commit`.
 */
export interface FakeHub {
  url: string;
  /** Bodies by URL path, e.g. `/test/tiny/resolve/<sha>/onnx/model.onnx`. */
  files: Map<string, Buffer>;
  /** GET requests, in order (HEAD requests are in `probes`). */
  requests: HubRequest[];
  probes: HubRequest[];
  /** The next response for `path` sends `bytes` body bytes, then the connection is cut (some may be lost). */
  dropOnce(path: string, bytes: number): void;
  /** Answer every request with the whole file and 200, as servers without Range support do. */
  ignoreRange: boolean;
  /** Answer every resume with `416 bytes *\/<the offset asked for>`: "you already have it all", a lie. */
  lie416: boolean;
  /** Serve `path` as `bytes` of filler streamed without Content-Length (a runaway or hostile mirror). */
  endless(path: string, bytes: number): void;
  /** Send the Hub's headers declaring each file (on by default); off: a plain file server. */
  declare: boolean;
  /** Answer HEAD for `path` as if it held `bytes` (GET still serves, and declares, what `files` holds). */
  declareAs(path: string, bytes: Buffer): void;
  /** As the Hub does: answer `resolve` of an LFS file with a 302 to `/cdn/...`, whose `ETag` is not the sha256. */
  redirectLfs: boolean;
  /** Compress non-LFS bodies for clients that accept gzip, as the Hub's CDN may. */
  gzip: boolean;
  /** Body bytes written for each path, endless streams included. */
  sent: Map<string, number>;
  close(): Promise<void>;
}

const isLfs = (path: string) => /\.onnx(_data)?$/u.test(path);
const hex = (algorithm: string, ...parts: (string | Buffer)[]) => parts.reduce((h, p) => h.update(p), createHash(algorithm)).digest('hex');

function parseRange(header: string | undefined): number | undefined {
  const match = /^bytes=(\d+)-$/.exec(header ?? '');
  return match ? Number(match[1]) : undefined;
}

export async function startFakeHub(files: Record<string, Buffer> = {}): Promise<FakeHub> {
  const drops = new Map<string, number>();
  const endless = new Map<string, number>();
  const declaredAs = new Map<string, Buffer>();
  const hub: Omit<FakeHub, 'url' | 'close'> = {
    files: new Map(Object.entries(files)),
    requests: [],
    probes: [],
    ignoreRange: false,
    lie416: false,
    declare: true,
    redirectLfs: false,
    gzip: false,
    dropOnce: (path, bytes) => drops.set(path, bytes),
    endless: (path, bytes) => endless.set(path, bytes),
    declareAs: (path, bytes) => declaredAs.set(path, bytes),
    sent: new Map(),
  };
  let base = '';

  function declaration(path: string, bytes: Buffer | undefined): Record<string, string> {
    if (!hub.declare || !bytes) return {};
    const commit = /\/resolve\/([0-9a-f]{40})\//u.exec(path)?.[1];
    const common: Record<string, string> = commit ? { 'x-repo-commit': commit } : {};
    if (!isLfs(path)) return { ...common, etag: `"${hex('sha1', `blob ${bytes.length}\0`, bytes)}"` };
    const sha256 = hex('sha256', bytes);
    return { ...common, etag: `"${sha256}"`, 'x-linked-etag': `"${sha256}"`, 'x-linked-size': String(bytes.length) };
  }

  function stream(path: string, total: number, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(64 * 1024, 0x7b);
    const pump = () => {
      let sent = hub.sent.get(path) ?? 0;
      while (sent < total && !res.destroyed) {
        sent += chunk.length;
        hub.sent.set(path, sent);
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => res.destroy());
    pump();
  }

  function head(path: string, res: ServerResponse): void {
    const body = hub.files.get(path);
    const status = body || endless.has(path) ? (hub.redirectLfs && isLfs(path) ? 302 : 200) : 404;
    hub.probes.push({ path, range: undefined, status });
    const headers: Record<string, string | number> = { ...declaration(path, declaredAs.get(path) ?? body) };
    if (status === 302) headers.location = `${base}/cdn${path}`;
    if (status === 200 && body) headers['content-length'] = body.length;
    res.writeHead(status, headers).end();
  }

  function answer(req: IncomingMessage, res: ServerResponse): void {
    const asked = decodeURI(req.url ?? '');
    const cdn = asked.startsWith('/cdn/');
    const path = cdn ? asked.slice('/cdn'.length) : asked;
    if (req.method === 'HEAD') {
      head(path, res);
      return;
    }
    const runaway = endless.get(path);
    if (runaway !== undefined) {
      hub.requests.push({ path, range: req.headers.range, status: 200 });
      stream(path, runaway, res);
      return;
    }
    const body = hub.files.get(path);
    const start = hub.ignoreRange ? undefined : parseRange(req.headers.range);
    const log = (status: number) => hub.requests.push({ path: asked, range: req.headers.range, status });
    if (!body) {
      log(404);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Entry not found');
      return;
    }
    if (!cdn && hub.redirectLfs && isLfs(path)) {
      log(302);
      res.writeHead(302, { ...declaration(path, body), location: `${base}/cdn${path}` }).end(`Found. Redirecting to ${base}/cdn${path}`);
      return;
    }
    if (start !== undefined && (start >= body.length || hub.lie416)) {
      log(416);
      res.writeHead(416, { 'content-range': `bytes */${hub.lie416 ? start : body.length}` }).end();
      return;
    }
    const whole = start === undefined ? body : body.subarray(start);
    const gzip = hub.gzip && start === undefined && !isLfs(path) && /\bgzip\b/u.test(req.headers['accept-encoding'] ?? '');
    const slice = gzip ? gzipSync(whole) : whole;
    // The CDN's ETag is its own (an MD5 of the stored object), not the file's sha256.
    const tags = cdn ? { etag: `"${hex('md5', body)}"` } : declaration(path, body);
    const headers: Record<string, string | number> = {
      ...tags,
      'content-length': slice.length,
      'content-type': 'application/octet-stream',
    };
    if (gzip) headers['content-encoding'] = 'gzip';
    if (start !== undefined) headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    log(start === undefined ? 200 : 206);
    hub.sent.set(path, (hub.sent.get(path) ?? 0) + slice.length);
    res.writeHead(start === undefined ? 200 : 206, headers);
    const cut = drops.get(path);
    if (cut === undefined) {
      res.end(slice);
      return;
    }
    drops.delete(path);
    // Give the client time to take the bytes in: fetch drops chunks still queued when the socket dies.
    res.write(slice.subarray(0, cut), () => setTimeout(() => res.socket?.destroy(), 100));
  }

  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return Object.assign(hub, {
    url: base,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  });
}
