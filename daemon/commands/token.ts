import { createTokenStore } from '../token-store';
import { parseCommandArgs, type Command } from './command';

export const tokenCommand: Command = {
  name: 'token',
  summary: 'print the pairing token (--rotate: make a new one)',
  help: `Usage: loupe token [--rotate]

Prints the token that pairs the browser extension with this daemon: paste it into Loupe's
Options page. The token is created on first use and kept, readable by you only, in the
config directory.

  --rotate   replace the token; every paired browser needs the new one`,
  async run(args, { io, settings }) {
    const { values } = parseCommandArgs('token', args, { rotate: { type: 'boolean' } }, 0);
    const store = createTokenStore(settings().configDir);
    const token = values.rotate ? await store.rotate() : await store.read();
    io.stdout(token + '\n');
    if (values.rotate)
      io.stderr(
        'New token saved. A running daemon closes the sessions opened with the old one; paste the new token into Loupe Options in every browser you use (no restart needed).\n',
      );
    return 0;
  },
};
