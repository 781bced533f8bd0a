import { CHROME_EXTENSION_ORIGIN } from '../../shared/extension-identity';
import { cliHostSetup } from '../native-host/cli-host-setup';
import { installNativeHost, uninstallNativeHost } from '../native-host/install-native-host';
import { createOriginStore } from '../origin-store';
import { UsageError, parseCommandArgs, type Command, type CommandContext } from './command';

/** What `--install` (and `npm start`) prints: where one-step pairing now works. */
export async function installPairingHelper({ settings, env }: Pick<CommandContext, 'settings' | 'env'>): Promise<string> {
  const { browsers } = await installNativeHost(cliHostSetup(settings(), env));
  return `One-step pairing: Loupe's extension in ${browsers.join(', ')} fetches the token by itself (\`loupe pair --uninstall\` removes this).`;
}

export const pairCommand: Command = {
  name: 'pair',
  summary: 'register one-step pairing with your browsers (--install), or allow a Firefox origin by hand',
  help: `Usage: loupe pair --install
       loupe pair --uninstall
       loupe pair --origin <moz-extension://uuid>
       loupe pair --list
       loupe pair --remove <origin>

--install registers Loupe's pairing helper with Chrome, Chromium and Firefox (and Edge,
Brave or Vivaldi where installed) for your user: the extension then fetches the token itself,
through the browser's native messaging (no network port), and a Firefox install pairs its own
origin. \`npm start\` runs it every time. --uninstall removes it.

By hand instead: Firefox gives each install of Loupe its own origin; copy it from Loupe's
Options page and pair it with --origin. The Chrome build (${CHROME_EXTENSION_ORIGIN})
is always allowed. Web origins, "null" and wildcards are never accepted.`,
  async run(args, context) {
    const { io, settings } = context;
    const options = {
      origin: { type: 'string' },
      list: { type: 'boolean' },
      remove: { type: 'string' },
      install: { type: 'boolean' },
      uninstall: { type: 'boolean' },
    } as const;
    const { values } = parseCommandArgs('pair', args, options, 0);
    const chosen = [values.origin, values.list, values.remove, values.install, values.uninstall].filter((v) => v !== undefined).length;
    if (chosen !== 1)
      throw new UsageError('Give exactly one of --install, --uninstall, --origin <origin>, --list or --remove <origin>.', 'pair');
    if (values.install) {
      io.stdout(`${await installPairingHelper(context)}\n`);
      return 0;
    }
    if (values.uninstall) {
      const removed = await uninstallNativeHost(cliHostSetup(settings(), context.env));
      io.stdout(removed.length ? `Removed the pairing helper from ${removed.join(', ')}.\n` : 'The pairing helper was not registered.\n');
      return 0;
    }
    const store = createOriginStore(settings().configDir);
    if (values.list) {
      const extra = settings().allowedOrigins;
      io.stdout(
        [
          `${CHROME_EXTENSION_ORIGIN} (Loupe for Chrome, always allowed)`,
          ...(await store.listPaired()),
          ...extra.map((o) => `${o} (LOUPE_ALLOWED_ORIGINS)`),
        ].join('\n') + '\n',
      );
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
