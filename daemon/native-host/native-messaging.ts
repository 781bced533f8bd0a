/**
 * Native messaging's wire format, the same both ways: a 32-bit length in native byte order
 * (little-endian on every platform browsers support), then that many bytes of UTF-8 JSON.
 * Browsers cap host → extension messages at 1 MB.
 */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

export function encodeNativeMessage(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  if (body.length > MAX_MESSAGE_BYTES) throw new Error(`native message of ${body.length} bytes is over the 1 MB limit`);
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length, 0);
  return Buffer.concat([header, body]);
}

/** Reads the first message from a stream (the browser writes one per `sendNativeMessage`). */
export async function readNativeMessage(input: AsyncIterable<Buffer | string>): Promise<unknown> {
  let buffered = Buffer.alloc(0);
  for await (const chunk of input) {
    buffered = Buffer.concat([buffered, typeof chunk === 'string' ? Buffer.from(chunk) : chunk]);
    if (buffered.length < 4) continue;
    const length = buffered.readUInt32LE(0);
    if (length > MAX_MESSAGE_BYTES) throw new Error(`native message of ${length} bytes is over the 1 MB limit`);
    if (buffered.length >= 4 + length) return JSON.parse(buffered.subarray(4, 4 + length).toString('utf8'));
  }
  throw new Error('the browser closed the pipe before sending a whole message');
}
