import { LoupeError } from '../shared/protocol/errors';
import { analyzeCommand } from './commands/analyze';
import { UsageError, type Command, type CommandContext, type CommandIo } from './commands/command';
import { modelsCommand } from './commands/models';
import { createNativeHostCommand } from './commands/native-host';
import { pairCommand } from './commands/pair';
import { serveCommand } from './commands/serve';
import { startCommand } from './commands/start';
import { tokenCommand } from './commands/token';
import { daemonVersion } from './engine-info';
import { createLogger, type Logger } from './logger';
import { SettingsError, loadSettings, type Settings } from './settings';

const COMMANDS: readonly Command[] = [serveCommand, startCommand, analyzeCommand, tokenCommand, pairCommand, modelsCommand, createNativeHostCommand()];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: loupe <command> [options]',
    '',
    'Loupe: a local reading companion. The daemon serves the browser extension on 127.0.0.1.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  show help for a command: loupe help <command>`,
    '',
    'Options: --help, --version',
    '',
  ].join('\n');
}

const find = (name: string) => COMMANDS.find((c) => c.name === name);

function help(name: string | undefined, io: CommandIo): number {
  if (name === undefined) {
    io.stdout(overview());
    return 0;
  }
  const command = find(name);
  if (!command) throw new UsageError(`Unknown command ${JSON.stringify(name)}.`);
  io.stdout(command.help + '\n');
  return 0;
}

function makeContext(io: CommandIo, env: NodeJS.ProcessEnv): CommandContext {
  let settings: Settings | undefined;
  let logger: Logger | undefined;
  const getSettings = () => (settings ??= loadSettings(env));
  return { io, env, settings: getSettings, logger: () => (logger ??= createLogger(getSettings().log)) };
}

async function dispatch(argv: string[], context: CommandContext): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    context.io.stdout(daemonVersion() + '\n');
    return 0;
  }
  if (first === '--help' || first === '-h') return help(undefined, context.io);
  if (first === 'help') return help(rest[0], context.io);
  if (first === undefined) return serveCommand.run([], context);
  const command = find(first);
  if (!command) throw new UsageError(first.startsWith('-') ? `Unknown option ${first}.` : `Unknown command ${JSON.stringify(first)}.`);
  if (rest.includes('--help') || rest.includes('-h')) return help(command.name, context.io);
  return command.run(rest, context);
}

/** Runs the `loupe` CLI; returns the exit code (2 for usage errors). */
export async function main(argv: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    return await dispatch(argv, makeContext(io, env));
  } catch (error) {
    if (error instanceof UsageError) {
      const usage = error.command ? find(error.command)?.help.split('\n')[0] : 'Usage: loupe <command> [options]';
      io.stderr(`loupe: ${error.message}\n${usage ?? ''}\nRun \`loupe --help\` for all commands.\n`);
      return 2;
    }
    if (error instanceof SettingsError) {
      io.stderr(`loupe: ${error.message}\n`);
      return 2;
    }
    io.stderr(`loupe: ${error instanceof LoupeError ? `${error.code}: ` : ''}${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
