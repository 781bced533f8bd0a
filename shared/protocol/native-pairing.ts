import { z } from 'zod';

/**
 * The native-messaging host through which the extension fetches its pairing once, with no
 * new network surface: the browser starts the host (`loupe native-host`) over stdio, only for
 * Loupe's own extension, and the host answers the daemon's token and port.
 */
export const NATIVE_HOST_NAME = 'local.loupe.pairing';

/** What the extension asks. `origin` is its own (Firefox gives each install its own). */
export const NativePairingRequestSchema = z.strictObject({
  type: z.literal('pairing'),
  origin: z.string().min(1).max(200),
});
export type NativePairingRequest = z.infer<typeof NativePairingRequestSchema>;

/** What the host answers: the pairing, or why it cannot give one (with the fix). */
export const NativePairingReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), token: z.string().min(16).max(512), port: z.number().int().min(1).max(65_535) }),
  z.strictObject({ ok: z.literal(false), error: z.string().min(1).max(1000) }),
]);
export type NativePairingReply = z.infer<typeof NativePairingReplySchema>;
