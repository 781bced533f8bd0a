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
  close(): Promise<void>;
}

function parseRange(header: string | undefined): number | undefined {
  const match = /^bytes=(\d+)-$/.exec(header ?? '');
  return match ? Number(match[1]) : undefined;
}

export async function startFakeHub(files: Record<string, Buffer> = {}): Promise<FakeHub> {
  const drops = new Map<string, number>();
  const hub: Omit<FakeHub, 'url' | 'close'> = {
    files: new Map(Object.entries(files)),
    requests: [],
    ignoreRange: false,
    dropOnce: (path, bytes) => drops.set(path, bytes),
  };

  function answer(req: IncomingMessage, res: ServerResponse): void {
    const path = decodeURI(req.url ?? '');
    const body = hub.files.get(path);
    const start = hub.ignoreRange ? undefined : parseRange(req.headers.range);
    const log = (status: number) => hub.requests.push({ path, range: req.headers.range, status });
    if (!body) {
      log(404);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Entry not found');
      return;
    }
    if (start !== undefined && start >= body.length) {
      log(416);
      res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
      return;
    }
    const slice = start === undefined ? body : body.subarray(start);
    const headers: Record<string, string | number> = { 'content-length': slice.length, 'content-type': 'application/octet-stream' };
    if (start !== undefined) headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    log(start === undefined ? 200 : 206);
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
