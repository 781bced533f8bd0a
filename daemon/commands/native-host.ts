import { answerPairing } from '../native-host/answer-pairing';
import { encodeNativeMessage, readNativeMessage } from '../native-host/native-messaging';
import { createOriginStore } from '../origin-store';
import { createTokenStore } from '../token-store';
import type { Command } from './command';

/**
 * `loupe native-host`: what the browser starts when the extension asks for its pairing. It
 * reads one native message from stdin and writes the answer to stdout as bytes (the length
 * header is binary), so it writes to the process's stdout rather than the text `io`.
 */
export function createNativeHostCommand(output: { write(bytes: Uint8Array): unknown } = process.stdout): Command {
  return {
    name: 'native-host',
    summary: 'the pairing helper the browser starts (registered by `loupe pair --install`)',
    help: `Usage: loupe native-host <arguments the browser passes>

Not for typing: Chrome, Chromium and Firefox start it, through the launcher that
\`loupe pair --install\` (and \`npm start\`) registers, when Loupe's extension asks for its
pairing. It answers Loupe's own extension only, over the browser's pipe, with the token and
port of the daemon; nothing listens on the network.`,
    async run(args, { io, settings }) {
      const config = settings();
      const reply = await answerPairing(await readNativeMessage(io.stdin as AsyncIterable<Buffer>), {
        args,
        readToken: () => createTokenStore(config.configDir).read(),
        port: config.port,
        origins: createOriginStore(config.configDir),
      });
      output.write(encodeNativeMessage(reply));
      if (!reply.ok) io.stderr(`loupe native-host: ${reply.error}\n`);
      return reply.ok ? 0 : 1;
    },
  };
}
