import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HubRequest {
  path: string;
  range: string | undefined;
  status: number;
}

/** A local server in the Hugging Face layout (`/<repo>/resolve/<revision>/<file>`) with fault switches. */
export interface FakeHub {
  url: string;
  /** Bodies by URL path, e.g. `/test/tiny/resolve/<sha>/onnx/model.onnx`. */
  files: Map<string, Buffer>;
  requests: HubRequest[];
  /** The next response for `path` sends `bytes` body bytes, then the connection is cut (some may be lost). */
  dropOnce(path: string, bytes: number): void;
  /** Answer every request with the whole file and 200, as servers without Range support do. */
  ignoreRange: boolean;
  /** Answer every resume with `416 bytes *\/<the offset asked for>`: "you already have it all", a lie. */
  lie416: boolean;
  /** Serve `path` as `bytes` of filler streamed without Content-Length (a runaway or hostile mirror). */
  endless(path: string, bytes: number): void;
  /** Body bytes written for each path, endless streams included. */
  sent: Map<string, number>;
  close(): Promise<void>;
}

function parseRange(header: string | undefined): number | undefined {
  const match = /^bytes=(\d+)-$/.exec(header ?? '');
  return match ? Number(match[1]) : undefined;
}

export async function startFakeHub(files: Record<string, Buffer> = {}): Promise<FakeHub> {
  const drops = new Map<string, number>();
  const endless = new Map<string, number>();
  const hub: Omit<FakeHub, 'url' | 'close'> = {
    files: new Map(Object.entries(files)),
    requests: [],
    ignoreRange: false,
    lie416: false,
    dropOnce: (path, bytes) => drops.set(path, bytes),
    endless: (path, bytes) => endless.set(path, bytes),
    sent: new Map(),
  };

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

  function answer(req: IncomingMessage, res: ServerResponse): void {
    const path = decodeURI(req.url ?? '');
    const runaway = endless.get(path);
    if (runaway !== undefined) {
      hub.requests.push({ path, range: req.headers.range, status: 200 });
      return stream(path, runaway, res);
    }
    const body = hub.files.get(path);
    const start = hub.ignoreRange ? undefined : parseRange(req.headers.range);
    const log = (status: number) => hub.requests.push({ path, range: req.headers.range, status });
    if (!body) {
      log(404);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Entry not found');
      return;
    }
    if (start !== undefined && (start >= body.length || hub.lie416)) {
      log(416);
      res.writeHead(416, { 'content-range': `bytes */${hub.lie416 ? start : body.length}` }).end();
      return;
    }
    const slice = start === undefined ? body : body.subarray(start);
    const headers: Record<string, string | number> = { 'content-length': slice.length, 'content-type': 'application/octet-stream' };
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
  return Object.assign(hub, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  });
}
