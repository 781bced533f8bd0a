import { Writable } from 'node:stream';
import type { Command } from './command';

const toStream = (write: (text: string) => void) =>
  new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      write(chunk.toString());
      done();
    },
  });

/** `loupe models ...`: the model store's own command (daemon/model-store), loaded on use. */
export const modelsCommand: Command = {
  name: 'models',
  summary: 'list, pull, remove or verify full-tier models',
  help: `Usage: loupe models <list|pull|rm|verify> [...]

Manages the full-tier model cache. Run \`loupe models\` with no arguments for details.`,
  async run(args, { io, env }) {
    const { runModelsCommand } = await import('../model-store/models-command');
    return runModelsCommand(args, { stdout: toStream(io.stdout), stderr: toStream(io.stderr), env });
  },
};
