import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadInput } from '../../../daemon/capture/load-input';
import { INPUT_LIMITS } from '../../../shared/limits';
import { LoupeError } from '../../../shared/protocol/errors';

let dir: string;
let server: Server | undefined;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'loupe-input-'));
});
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function refusal(source: string): Promise<LoupeError> {
  const error = await loadInput(source).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoupeError);
  return error as LoupeError;
}

describe('loadInput limits', () => {
  it('refuses a 5 MB text file naming the character limit and how to get under it', async () => {
    const file = path.join(dir, 'book.txt');
    await writeFile(file, 'The vote passed on Tuesday after a long debate. '.repeat(105_000));
    const error = await refusal(file);
    expect(error.code).toBe('input-too-large');
    expect(error.message).toContain('2,000,000-character limit; split the file');
  });

  it('refuses an HTML file over the byte limit before parsing it', async () => {
    const file = path.join(dir, 'huge.html');
    await writeFile(file, '<p>' + 'x'.repeat(INPUT_LIMITS.maxHtmlBytes) + '</p>');
    expect((await refusal(file)).message).toContain(`${INPUT_LIMITS.maxHtmlBytes.toLocaleString('en')}-byte limit`);
  });

  it('stops reading a page streamed without Content-Length once it passes the byte limit', async () => {
    let sent = 0;
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1 << 20, 'a');
      const pump = () => {
        while (sent < 64 * (1 << 20) && res.write(chunk)) sent += chunk.length;
        if (sent < 64 * (1 << 20)) res.once('drain', pump);
        else res.end();
      };
      pump();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const error = await refusal(`http://127.0.0.1:${(server.address() as AddressInfo).port}/endless.html`);
    expect(error.code).toBe('input-too-large');
    expect(sent).toBeLessThan(64 * (1 << 20));
  });
});
