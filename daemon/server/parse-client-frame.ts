import { LoupeError } from '../../shared/protocol/errors';
import { ClientMessageSchema, PROTOCOL_VERSION, RequestIdSchema, type ClientMessage } from '../../shared/protocol/messages';
import { validate } from '../../shared/protocol/validate';

export type ParsedFrame = { ok: true; message: ClientMessage } | { ok: false; id: string | null; error: LoupeError };

/** Reads a request id from a frame that failed validation, so the client can fail that request. */
export function salvageId(json: unknown, raw?: string): string | null {
  const candidate =
    typeof json === 'object' && json !== null && 'id' in json ? json.id : /"id"\s*:\s*"([^"]{1,64})"/.exec(raw?.slice(0, 512) ?? '')?.[1];
  return RequestIdSchema.safeParse(candidate).success ? (candidate as string) : null;
}

/** Parses and validates one text frame; failures carry the typed error to send back. */
export function parseClientFrame(raw: string): ParsedFrame {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, id: salvageId(undefined, raw), error: new LoupeError('bad-frame', `Frame is not JSON: ${(error as Error).message}`) };
  }
  if (typeof json === 'object' && json !== null && 'v' in json && json.v !== PROTOCOL_VERSION) {
    const message = `Protocol version ${JSON.stringify(json.v)} is not supported; this daemon speaks version ${PROTOCOL_VERSION}. Update Loupe so the extension and the daemon match.`;
    return { ok: false, id: salvageId(json), error: new LoupeError('unsupported-version', message) };
  }
  const parsed = validate(ClientMessageSchema, json);
  if (!parsed.ok) return { ok: false, id: salvageId(json), error: new LoupeError('bad-frame', `Invalid message: ${parsed.error}`) };
  return { ok: true, message: parsed.value };
}
