import { CHROME_EXTENSION_ORIGIN } from '../../shared/extension-identity';
import { createOriginStore } from '../origin-store';
import { UsageError, parseCommandArgs, type Command } from './command';

export const pairCommand: Command = {
  name: 'pair',
  summary: 'allow a Firefox install (--origin moz-extension://<uuid>) or list paired origins',
  help: `Usage: loupe pair --origin <moz-extension://uuid>
       loupe pair --list
       loupe pair --remove <origin>

Firefox gives each install of Loupe its own origin: copy it from Loupe's Options page
(or about:debugging) and pair it here. The Chrome build (${CHROME_EXTENSION_ORIGIN})
is always allowed. Web origins, "null" and wildcards are never accepted.`,
  async run(args, { io, settings }) {
    const { values } = parseCommandArgs('pair', args, { origin: { type: 'string' }, list: { type: 'boolean' }, remove: { type: 'string' } }, 0);
    const chosen = [values.origin, values.list, values.remove].filter((v) => v !== undefined).length;
    if (chosen !== 1) throw new UsageError('Give exactly one of --origin <origin>, --list or --remove <origin>.', 'pair');
    const store = createOriginStore(settings().configDir);
    if (values.list) {
      const extra = settings().allowedOrigins;
      io.stdout([`${CHROME_EXTENSION_ORIGIN} (Loupe for Chrome, always allowed)`, ...(await store.listPaired()), ...extra.map((o) => `${o} (LOUPE_ALLOWED_ORIGINS)`)].join('\n') + '\n');
    } else if (values.remove !== undefined) {
      const removed = await store.unpair(values.remove);
      io.stdout(removed ? `Removed ${values.remove}.\n` : `${values.remove} was not paired.\n`);
    } else if (values.origin !== undefined) {
      const added = await store.pair(values.origin);
      io.stdout(`${added ? 'Paired' : 'Already paired:'} ${values.origin.trim().toLowerCase()}. The running daemon accepts it now.\n`);
    }
    return 0;
  },
};
