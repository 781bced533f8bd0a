import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { ROOT } from './paths';

/** URL prefix → folder. Pages the other engineers write, and the e2e-only fixtures. */
const ROOTS: Record<string, string> = {
  articles: join(ROOT, 'test/fixtures/articles'),
  e2e: join(ROOT, 'test/fixtures/e2e'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.onnx': 'application/octet-stream',
};

export interface FixtureServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>/<path>`, e.g. `url('articles/news-article.html')`. */
  url(path: string): string;
  close(): Promise<void>;
}

function resolveFile(pathname: string): string | undefined {
  const [prefix, ...rest] = decodeURIComponent(pathname).split('/').filter(Boolean);
  const base = prefix === undefined ? undefined : ROOTS[prefix];
  if (!base) return undefined;
  const file = normalize(join(base, ...rest));
  return file.startsWith(base + sep) ? file : undefined;
}

/** Serves the fixture folders on 127.0.0.1 at a random port. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const server: Server = createServer(async (req, res) => {
    const file = resolveFile(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture at ${req.url}`);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': info.size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}/${path.replace(/^\//, '')}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
