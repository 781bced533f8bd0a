import { NATIVE_HOST_NAME, NativePairingReplySchema } from '../../../shared/protocol/native-pairing';
import { validate } from '../../../shared/protocol/validate';
import { loadSettings, saveSettings, type KeyValueArea, type Pairing } from '../../lib/settings';

export type HelperAnswer = { ok: true; pairing: Pairing } | { ok: false; error: string };

export const HELPER_MISSING =
  'The pairing helper is not registered on this computer: run `npm start` in the Loupe folder (or `npx loupe pair --install`) and try again, or paste the token printed by `npx loupe token`.';

/** Chrome and Firefox word "no such host" differently; anything else is the helper failing. */
function helperError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/not found|no such native application|forbidden/iu.test(message)) return HELPER_MISSING;
  return `The pairing helper failed (${message}) — run \`npx loupe pair --install\` again, or paste the token printed by \`npx loupe token\`.`;
}

/** Asks the native-messaging host for the daemon's token and port (one stdio exchange, no network). */
export async function askPairingHelper(
  sendNativeMessage: (application: string, message: unknown) => Promise<unknown>,
  origin: string,
): Promise<HelperAnswer> {
  let raw: unknown;
  try {
    raw = await sendNativeMessage(NATIVE_HOST_NAME, { type: 'pairing', origin });
  } catch (error) {
    return { ok: false, error: helperError(error) };
  }
  const reply = validate(NativePairingReplySchema, raw);
  if (!reply.ok) return { ok: false, error: `The pairing helper gave an answer Loupe cannot read (${reply.error}).` };
  if (!reply.value.ok) return { ok: false, error: reply.value.error };
  return { ok: true, pairing: { port: reply.value.port, token: reply.value.token } };
}

const same = (a: Pairing | null, b: Pairing | null) => a?.token === b?.token && a?.port === b?.port;

/**
 * The daemon pairing, one step: what Options stored, or else the helper's answer, fetched once
 * per background start and stored like a pasted token. A pasted token always stays the fallback.
 */
export function createPairingSource(deps: { area: KeyValueArea; ask(): Promise<HelperAnswer> }) {
  let asked = false;
  let retried = false;
  let loaded: Pairing | null = null;

  async function store(answer: HelperAnswer): Promise<HelperAnswer> {
    if (!answer.ok) return answer;
    const settings = await loadSettings(deps.area);
    if (!same(settings.pairing, answer.pairing)) await saveSettings(deps.area, { ...settings, pairing: answer.pairing });
    return answer;
  }

  return {
    /** For the daemon client: the stored pairing, or the helper's when none is stored yet. */
    async load(): Promise<Pairing | null> {
      const stored = (await loadSettings(deps.area)).pairing;
      if (!stored && !asked) {
        asked = true;
        const answer = await store(await deps.ask());
        loaded = answer.ok ? answer.pairing : null;
        return loaded;
      }
      loaded = stored;
      return stored;
    },
    /** Whether a stored pairing is the one the client already uses (no need to reconnect for it). */
    inUse(pairing: Pairing | null): boolean {
      return same(pairing, loaded);
    },
    /** Options → "Pair with the daemon": asks the helper now and stores its answer. */
    pairNow: async (): Promise<HelperAnswer> => store(await deps.ask()),
    /**
     * The daemon refused or vanished: its token may have been rotated. Asks the helper once
     * (until the next success); a different answer is stored, and the client reconnects.
     */
    async onUnreachable(): Promise<void> {
      if (retried) return;
      retried = true;
      await store(await deps.ask());
    },
    onConnected(): void {
      retried = false;
    },
  };
}
