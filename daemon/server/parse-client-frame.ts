import { checkImageBytes, checkTextLength } from '../../shared/limits';
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
    return {
      ok: false,
      id: salvageId(undefined, raw),
      error: new LoupeError('bad-frame', `Frame is not JSON: ${(error as Error).message}`),
    };
  }
  if (typeof json === 'object' && json !== null && 'v' in json && json.v !== PROTOCOL_VERSION) {
    const message = `Protocol version ${JSON.stringify(json.v)} is not supported; this daemon speaks version ${PROTOCOL_VERSION}. Update Loupe so the extension and the daemon match.`;
    return { ok: false, id: salvageId(json), error: new LoupeError('unsupported-version', message) };
  }
  const overLimit = inputLimitError(json);
  if (overLimit) return { ok: false, id: salvageId(json), error: overLimit };
  const parsed = validate(ClientMessageSchema, json);
  if (!parsed.ok) {
    const unknown = unknownFields(json);
    if (unknown) {
      // A newer extension sends fields an older daemon does not know: say which side to update.
      const message = `This daemon does not know ${unknown} that the extension sent: the extension is newer than the daemon. Update Loupe and restart the daemon (\`npx loupe serve\` from the same checkout) so the two match.`;
      return { ok: false, id: salvageId(json), error: new LoupeError('unsupported-version', message) };
    }
    return { ok: false, id: salvageId(json), error: new LoupeError('bad-frame', `Invalid message: ${parsed.error}`) };
  }
  return { ok: true, message: parsed.value };
}

/** The fields a frame carries that the schema does not know ("params.page.keywords"), or undefined when there are none. */
function unknownFields(json: unknown): string | undefined {
  const result = ClientMessageSchema.safeParse(json);
  if (result.success) return undefined;
  const fields = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key].join('.')) : [],
  );
  return fields.length > 0 ? fields.map((field) => `"${field}"`).join(', ') : undefined;
}

// Checked before the schema so that a request over a limit gets `input-too-large` naming the
// limit (which the extension can act on) rather than a generic `bad-frame`.
function inputLimitError(json: unknown): LoupeError | undefined {
  const params = typeof json === 'object' && json !== null && 'params' in json ? json.params : undefined;
  if (typeof params !== 'object' || params === null) return undefined;
  try {
    if ('text' in params && typeof params.text === 'string') checkTextLength(params.text.length);
    if ('byteLength' in params && typeof params.byteLength === 'number') checkImageBytes(params.byteLength);
  } catch (error) {
    if (error instanceof LoupeError) return error;
    throw error;
  }
  return undefined;
}
