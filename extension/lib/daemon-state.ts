import { z } from 'zod';
import { EngineInfoSchema } from '../../shared/protocol/messages';

/** The daemon connection as the user sees it (side panel badge, Options "Test connection"). */
export const DaemonStateSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('not-paired'), reason: z.string() }),
  z.strictObject({ status: z.literal('connecting'), port: z.number().int(), attempt: z.number().int().nonnegative() }),
  z.strictObject({ status: z.literal('connected'), port: z.number().int(), engine: EngineInfoSchema }),
  z.strictObject({
    status: z.literal('unreachable'),
    port: z.number().int(),
    reason: z.string(),
    /** When the next reconnect attempt starts (ms since epoch), if one is scheduled. */
    retryAt: z.number().optional(),
  }),
]);
export type DaemonState = z.infer<typeof DaemonStateSchema>;

export const NOT_PAIRED: DaemonState = {
  status: 'not-paired',
  reason:
    'Daemon not paired — start it with `npm start` (Loupe then pairs itself), or open Options and paste the token printed by `npx loupe token`.',
};
