import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';

/**
 * The Hugging Face Hub's file routes over a folder of models (`<root>/<owner>/<name>/<file>`),
 * answering only at each repository's pinned revision, and declaring files as the Hub does: an
 * LFS file (`.onnx`) is a 302 to `/cdn/...` carrying `X-Linked-Etag` (sha256) and
 * `X-Linked-Size` (a browser cannot read them: its fetch makes such a redirect opaque), and is
 * listed with that sha256 under `/api/models/<repo>/tree/<revision>/<folder>`; other files carry
 * their git blob id as `ETag`. The CDN's own `ETag` is an MD5, as S3's is.
 */
export interface HubLayout {
  /** Answers a request for one of these routes; false when the path is none of them. */
  answer(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Serves `file` of `repo` with one byte changed while still declaring the real one; returns the undo. */
  tamper(repo: string, file: string): () => void;
}

const isLfs = (path: string) => path.endsWith('.onnx');
const hex = (algorithm: string, ...parts: (string | Buffer)[]) => parts.reduce((h, p) => h.update(p), createHash(algorithm)).digest('hex');
const gitBlobId = (bytes: Buffer) => hex('sha1', `blob ${bytes.length}\0`, bytes);

export function hubLayout(root: string, revisions: ReadonlyMap<string, string>): HubLayout {
  const tampered = new Set<string>();

  async function fileAt(repo: string, revision: string, path: string): Promise<Buffer | undefined> {
    const file = revisions.get(repo) === revision ? normalize(join(root, repo, path)) : undefined;
    if (!file?.startsWith(root + sep) || !(await stat(file).catch(() => undefined))?.isFile()) return undefined;
    return readFile(file);
  }

  const served = (repo: string, path: string, bytes: Buffer) =>
    tampered.has(`${repo}/${path}`) ? Buffer.from(bytes).fill(bytes[0]! ^ 1, 0, 1) : bytes;

  async function tree(repo: string, revision: string, folder: string): Promise<unknown[] | undefined> {
    if (revisions.get(repo) !== revision) return undefined;
    const entries = await readdir(join(root, repo, folder), { withFileTypes: true }).catch(() => undefined);
    return Promise.all(
      (entries ?? []).map(async (entry) => {
        const path = folder ? `${folder}/${entry.name}` : entry.name;
        if (entry.isDirectory()) return { type: 'directory', oid: '0'.repeat(40), size: 0, path };
        const bytes = await readFile(join(root, repo, path));
        const lfs = isLfs(path) ? { lfs: { oid: hex('sha256', bytes), size: bytes.length, pointerSize: 134 } } : {};
        return { type: 'file', oid: gitBlobId(bytes), size: isLfs(path) ? 134 : bytes.length, path, ...lfs };
      }),
    );
  }

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const listing = /^\/api\/models\/([^/]+\/[^/]+)\/tree\/([^/]+)\/?(.*)$/u.exec(path);
    if (listing) {
      const entries = await tree(listing[1]!, listing[2]!, listing[3]!);
      res.writeHead(entries ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(entries ?? { error: 'not found' }));
      return true;
    }
    const cdn = /^\/cdn\/([^/]+\/[^/]+)\/([^/]+)\/(.+)$/u.exec(path);
    const match = cdn ?? /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/u.exec(path);
    if (!match) return false;
    const [repo, revision, file] = [match[1]!, match[2]!, match[3]!];
    const bytes = await fileAt(repo, revision, file);
    if (!bytes) {
      res.writeHead(404).end('Entry not found');
      return true;
    }
    const body = served(repo, file, bytes);
    if (!cdn && isLfs(file)) {
      const sha256 = hex('sha256', bytes);
      const headers = {
        'x-linked-etag': `"${sha256}"`,
        'x-linked-size': String(bytes.length),
        'x-repo-commit': revision,
        etag: `"${sha256}"`,
      };
      res.writeHead(302, { ...headers, location: `/cdn/${repo}/${revision}/${file}` }).end('Found');
      return true;
    }
    const etag = cdn ? hex('md5', body) : gitBlobId(bytes);
    res.writeHead(200, {
      etag: `"${etag}"`,
      'x-repo-commit': revision,
      'content-length': body.length,
      'content-type': 'application/octet-stream',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }

  return {
    answer,
    tamper(repo, file) {
      tampered.add(`${repo}/${file}`);
      return () => tampered.delete(`${repo}/${file}`);
    },
  };
}
