import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../../shared/limits';
import { encodeBinaryFrame } from '../../../shared/protocol/binary-frame';
import { LoupeError } from '../../../shared/protocol/errors';
import type { ServerMessage } from '../../../shared/protocol/messages';
import { messageLog, openSocket, sendJson, startTestDaemon, type TestDaemon } from './test-daemon';

let daemon: TestDaemon | undefined;
afterEach(() => daemon?.stop());

const tinyPng = async (size = 8) =>
  new Uint8Array(
    await sharp({ create: { width: size, height: size, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer(),
  );

const CONTEXT = [
  { source: 'alt' as const, text: 'Council members voting on the Harbor Point plan' },
  { source: 'alt' as const, text: 'image' },
];

async function describeImage(bytes: Uint8Array, overrides = {}, id = 'img1'): Promise<ServerMessage> {
  daemon = await startTestDaemon(overrides);
  const ws = await openSocket(daemon);
  const log = messageLog(ws);
  sendJson(ws, { v: 1, id, type: 'describe-image', params: { context: CONTEXT, byteLength: bytes.length, mimeType: 'image/png' } });
  ws.send(encodeBinaryFrame(id, bytes));
  const reply = await log.reply(id);
  sendJson(ws, { v: 1, id: 'after', type: 'ping' });
  expect(await log.reply('after')).toMatchObject({ ok: true });
  ws.close();
  return reply;
}

describe('describe-image over the socket', () => {
  it('describes a real PNG from its context, passing OCR text read from the decoded image', async () => {
    const seen: Uint8Array[] = [];
    const readImageText = async (png: Uint8Array) => {
      seen.push(png);
      return '  Harbor Point\\nvote 6-3 ';
    };
    const reply = await describeImage(await tinyPng(), { readImageText });
    expect(reply).toMatchObject({
      ok: true,
      result: {
        kind: 'image',
        description: {
          context: [{ source: 'alt', text: 'Council members voting on the Harbor Point plan' }],
          ocrText: expect.stringContaining('Harbor Point'),
          provenance: { engine: 'daemon', tier: 'lite' },
        },
      },
    });
    expect((await sharp(seen[0]!).metadata()).format).toBe('png');
  });

  it('still describes the image when OCR fails, and says why there is no OCR text', async () => {
    const readImageText = async () => {
      throw new LoupeError('model-missing', 'OCR models are not installed: run `npm install`.');
    };
    const reply = await describeImage(await tinyPng(), { readImageText });
    if (reply.type !== 'result' || reply.result.kind !== 'image') throw new Error(`unexpected reply ${JSON.stringify(reply)}`);
    expect(reply.result.description.context).toHaveLength(1);
    expect(reply.result.description.ocrText).toBeUndefined();
    expect(reply.result.description.provenance.note).toContain('OCR models are not installed');
  });

  it('answers bad-input for bytes that are not an image', async () => {
    const reply = await describeImage(new TextEncoder().encode('<html>not an image</html>'));
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringContaining('not an image Loupe can read') },
    });
  });

  it('refuses an image over the pixel limit as a possible decompression bomb', async () => {
    const reply = await describeImage(await tinyPng(64), { limits: { maxImagePixels: 1000 } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringContaining('decompression bomb') } });
  });

  it('describes an image of exactly the byte limit (its frame header does not count against it)', async () => {
    const png = await tinyPng();
    // A PNG ends at its IEND chunk: bytes after it pad the file to the limit without changing the image.
    const exact = new Uint8Array(INPUT_LIMITS.maxImageBytes);
    exact.set(png);
    const reply = await describeImage(exact, {}, 'i'.repeat(64));
    expect(reply).toMatchObject({ ok: true, result: { kind: 'image' } });
  });

  it('refuses an image one byte over the limit with input-too-large naming the limit', async () => {
    daemon = await startTestDaemon();
    const ws = await openSocket(daemon);
    const log = messageLog(ws);
    sendJson(ws, { v: 1, id: 'big', type: 'describe-image', params: { context: [], byteLength: INPUT_LIMITS.maxImageBytes + 1 } });
    expect(await log.reply('big')).toMatchObject({
      error: { code: 'input-too-large', message: expect.stringContaining('16,777,216-byte') },
    });
    ws.close();
  });

  it('answers bad-input when the binary frame is not the announced size', async () => {
    daemon = await startTestDaemon();
    const ws = await openSocket(daemon);
    const log = messageLog(ws);
    const png = await tinyPng();
    sendJson(ws, { v: 1, id: 'img2', type: 'describe-image', params: { context: [], byteLength: png.length + 5 } });
    ws.send(encodeBinaryFrame('img2', png));
    expect(await log.reply('img2')).toMatchObject({ error: { code: 'bad-input', message: expect.stringContaining('announced') } });
    ws.close();
  });

  it('answers timeout when the image bytes never come', async () => {
    daemon = await startTestDaemon({ limits: { binaryWaitMs: 50 } });
    const ws = await openSocket(daemon);
    const log = messageLog(ws);
    sendJson(ws, { v: 1, id: 'img3', type: 'describe-image', params: { context: [], byteLength: 10 } });
    expect(await log.reply('img3')).toMatchObject({ error: { code: 'timeout' } });
    ws.close();
  });
});
