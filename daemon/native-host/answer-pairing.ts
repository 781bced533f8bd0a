import { CHROME_EXTENSION_ORIGIN, GECKO_ADDON_ID } from '../../shared/extension-identity';
import { NativePairingRequestSchema, type NativePairingReply } from '../../shared/protocol/native-pairing';
import { validate } from '../../shared/protocol/validate';
import type { OriginStore } from '../origin-store';

export interface PairingAnswerDeps {
  /** The arguments the browser started the host with. */
  args: readonly string[];
  /** The daemon's token (created on first use, like `loupe token`). */
  readToken(): Promise<string>;
  /** The port the daemon listens on (LOUPE_PORT, default 7341); 0 means chosen at random. */
  port: number;
  origins: Pick<OriginStore, 'pair'>;
}

/**
 * Who started the host. Chrome passes the caller's origin (`chrome-extension://<id>/`) first;
 * Firefox passes the manifest's path, then the add-on's id. Both browsers already start the
 * host only for the extensions its manifest allows; this checks again, for Loupe alone.
 */
export function callerOf(args: readonly string[]): 'chrome' | 'firefox' | undefined {
  if (args.includes(`${CHROME_EXTENSION_ORIGIN}/`)) return 'chrome';
  if (args.includes(GECKO_ADDON_ID)) return 'firefox';
  return undefined;
}

/**
 * The host's whole job: give Loupe's extension the token and port, once per request. A Firefox
 * install also has its own origin paired with the daemon, which `loupe pair --origin` would do.
 */
export async function answerPairing(request: unknown, deps: PairingAnswerDeps): Promise<NativePairingReply> {
  const caller = callerOf(deps.args);
  if (!caller) return { ok: false, error: 'This pairing helper answers only Loupe’s own extension.' };
  const parsed = validate(NativePairingRequestSchema, request);
  if (!parsed.ok) return { ok: false, error: `Not a pairing request: ${parsed.error}` };
  if (deps.port === 0) {
    return {
      ok: false,
      error: 'The daemon picks a random port (LOUPE_PORT=0): paste the token and the port it prints into Loupe’s Options.',
    };
  }
  try {
    if (caller === 'firefox') await deps.origins.pair(parsed.value.origin);
    return { ok: true, token: await deps.readToken(), port: deps.port };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
