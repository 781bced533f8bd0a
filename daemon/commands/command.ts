import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Logger } from '../logger';
import type { Settings } from '../settings';

/** Where a command reads and writes; the CLI passes the process's, tests their own. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: NodeJS.ReadableStream;
}

export interface CommandContext {
  readonly io: CommandIo;
  /** Parsed once from LOUPE_* variables when the command first asks. */
  readonly settings: () => Settings;
  readonly logger: () => Logger;
  /** The environment settings come from (commands that parse their own settings need it). */
  readonly env: NodeJS.ProcessEnv;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Full help text, starting with the usage line. */
  readonly help: string;
  /** Returns the process exit code. */
  run(args: string[], context: CommandContext): Promise<number>;
}

/** A mistake in how a command was called: printed with the usage line, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with its errors turned into usage errors for `command`. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O, maxPositionals: number) {
  const parsed = parseStrict(command, args, options);
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`Unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}.`, command);
  }
  return parsed;
}

function parseStrict<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message, command);
  }
}
