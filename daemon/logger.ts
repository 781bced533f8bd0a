import type { Settings } from './settings';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const RANK = { debug: 0, info: 1, warn: 2, error: 3 } as const;
type Level = keyof typeof RANK;

/**
 * Logs to `write` (stderr by default, so stdout stays clean for `--json` output). `quiet` keeps
 * errors only: a user who silenced the daemon still needs to hear why it stopped.
 */
export function createLogger(level: Settings['log'], write: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const threshold: number = level === 'debug' ? RANK.debug : level === 'quiet' ? RANK.error : RANK.info;
  const at = (name: Level) => (message: string) => {
    if (RANK[name] >= threshold) write(`[loupe] ${name === 'info' ? '' : name + ': '}${message}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A logger that keeps lines in memory, for tests and for commands that report on their own. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...createLogger('debug', (line) => lines.push(line)) };
}
