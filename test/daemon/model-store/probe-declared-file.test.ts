import { describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../../daemon/model-store/download-file';
import { probeDeclaredFile } from '../../../daemon/model-store/probe-declared-file';

const SHA256 = 'f'.repeat(64);
const URL_ = 'https://hub.test/old-owner/model/resolve/0123456789abcdef0123456789abcdef01234567/onnx/model.onnx';

/** A mirror in a function: answers each URL from `routes`, recording what was asked and how. */
function mirror(routes: Record<string, () => Response>) {
  const asked: string[] = [];
  const fetch = async (url: string, init?: { method?: string; redirect?: string }) => {
    asked.push(`${init?.method} ${init?.redirect} ${url}`);
    return (routes[url] ?? (() => new Response(null, { status: 404 })))();
  };
  return { fetch, asked };
}

const probe = (fetch: ReturnType<typeof mirror>['fetch'], retries = 0) => probeDeclaredFile({ url: URL_, fetch, retries, retryDelayMs: 0 });

describe('probeDeclaredFile', () => {
  it("follows a renamed repository's relative redirect, and stops at the redirect to the CDN", async () => {
    const renamed = URL_.replace('old-owner', 'new-owner');
    const { fetch, asked } = mirror({
      [URL_]: () => new Response(null, { status: 307, headers: { location: new URL(renamed).pathname } }),
      [renamed]: () =>
        new Response(null, {
          status: 302,
          headers: { location: 'https://cdn.test/blob', 'x-linked-etag': `"${SHA256}"`, 'x-linked-size': '42' },
        }),
    });
    expect(await probe(fetch)).toEqual({ digest: { algorithm: 'sha256', hex: SHA256 }, size: 42 });
    expect(asked).toEqual([`HEAD manual ${URL_}`, `HEAD manual ${renamed}`]);
  });

  it('takes a mirror without HEAD as declaring nothing, retries a busy one, and gives up on a missing file', async () => {
    expect(await probe(mirror({ [URL_]: () => new Response(null, { status: 405 }) }).fetch)).toEqual({});
    let calls = 0;
    const busy = mirror({
      [URL_]: () =>
        ++calls === 1 ? new Response(null, { status: 503 }) : new Response(null, { headers: { etag: `"${'a'.repeat(40)}"` } }),
    });
    expect(await probe(busy.fetch, 1)).toEqual({ digest: { algorithm: 'git-blob-sha1', hex: 'a'.repeat(40) } });
    await expect(probe(mirror({}).fetch, 3)).rejects.toBeInstanceOf(HttpStatusError);
  });
});
