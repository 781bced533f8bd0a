import { LoupeError } from './errors';
import { RequestIdSchema } from './messages';

/**
 * Image bytes travel in binary frames: a 4-byte big-endian length, that many bytes of ASCII
 * request id, then the payload. The JSON request with the same id announces the byte length.
 */
export function encodeBinaryFrame(id: string, payload: Uint8Array): Uint8Array {
  if (!RequestIdSchema.safeParse(id).success) throw new LoupeError('bad-input', `Not a valid request id: ${JSON.stringify(id)}`);
  const idBytes = Uint8Array.from(id, (c) => c.charCodeAt(0));
  const frame = new Uint8Array(4 + idBytes.length + payload.length);
  new DataView(frame.buffer).setUint32(0, idBytes.length, false);
  frame.set(idBytes, 4);
  frame.set(payload, 4 + idBytes.length);
  return frame;
}

/** Splits a binary frame; throws `bad-frame` when the header does not hold together. */
export function decodeBinaryFrame(frame: Uint8Array): { id: string; payload: Uint8Array } {
  if (frame.length < 4) throw new LoupeError('bad-frame', 'Binary frame shorter than its 4-byte header.');
  const idLength = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0, false);
  if (idLength === 0 || idLength > 64 || 4 + idLength > frame.length) {
    throw new LoupeError('bad-frame', `Binary frame header claims a ${idLength}-byte id; expected 1..64 bytes.`);
  }
  const id = String.fromCharCode(...frame.subarray(4, 4 + idLength));
  if (!RequestIdSchema.safeParse(id).success) throw new LoupeError('bad-frame', 'Binary frame id is not a valid request id.');
  return { id, payload: frame.subarray(4 + idLength) };
}
