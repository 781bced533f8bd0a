import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { encodeNativeMessage, readNativeMessage } from '../../../daemon/native-host/native-messaging';

describe('native messaging frames', () => {
  it('are a little-endian 32-bit length, then UTF-8 JSON, read back whole across chunks', async () => {
    const frame = encodeNativeMessage({ type: 'pairing', origin: 'moz-extension://é' });
    expect(frame.readUInt32LE(0)).toBe(frame.length - 4);
    const chunks = [frame.subarray(0, 2), frame.subarray(2, 9), frame.subarray(9)];
    expect(await readNativeMessage(Readable.from(chunks))).toEqual({ type: 'pairing', origin: 'moz-extension://é' });
  });

  it("refuse a length over the browsers' 1 MB limit and a pipe closed mid-message", async () => {
    const huge = Buffer.alloc(4);
    huge.writeUInt32LE(2 * 1024 * 1024, 0);
    await expect(readNativeMessage(Readable.from([huge]))).rejects.toThrow(/1 MB/);
    await expect(readNativeMessage(Readable.from([encodeNativeMessage({ a: 1 }).subarray(0, 6)]))).rejects.toThrow(/closed the pipe/);
  });
});
