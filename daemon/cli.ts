import { LoupeError } from '../shared/protocol/errors';
import { UsageError, type Command, type CommandContext, type CommandIo } from './commands/command';
import { daemonVersion } from './engine-info';
import { createLogger, type Logger } from './logger';
import { SettingsError, loadSettings, type Settings } from './settings';

// Each command's module loads when that command runs: `loupe analyze` does not pay for the
// server's imports (HTTP, WebSocket, the worker pool), nor `loupe token` for the pipelines.
const COMMANDS: readonly { readonly name: string; readonly load: () => Promise<Command> }[] = [
  { name: 'serve', load: async () => (await import('./commands/serve')).serveCommand },
  { name: 'start', load: async () => (await import('./commands/start')).startCommand },
  { name: 'analyze', load: async () => (await import('./commands/analyze')).analyzeCommand },
  { name: 'token', load: async () => (await import('./commands/token')).tokenCommand },
  { name: 'pair', load: async () => (await import('./commands/pair')).pairCommand },
  { name: 'models', load: async () => (await import('./commands/models')).modelsCommand },
  { name: 'native-host', load: async () => (await import('./commands/native-host')).createNativeHostCommand() },
];

async function overview(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: loupe <command> [options]',
    '',
    'Loupe: a local reading companion. The daemon serves the browser extension on 127.0.0.1.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  show help for a command: loupe help <command>`,
    '',
    'Options: --help, --version',
    '',
  ].join('\n');
}

async function find(name: string): Promise<Command | undefined> {
  const command = await COMMANDS.find((c) => c.name === name)?.load();
  if (command && command.name !== name) {
    throw new Error(`The CLI lists ${JSON.stringify(name)} but its module names ${JSON.stringify(command.name)}.`);
  }
  return command;
}

async function help(name: string | undefined, io: CommandIo): Promise<number> {
  if (name === undefined) {
    io.stdout(await overview());
    return 0;
  }
  const command = await find(name);
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
  if (first === undefined) return (await find('serve'))!.run([], context);
  const command = await find(first);
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
      const usage = error.command ? (await find(error.command))?.help.split('\n')[0] : 'Usage: loupe <command> [options]';
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
