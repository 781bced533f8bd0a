import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { onTestFinished } from 'vitest';
import { ROOT } from './paths';

const LOUPE = join(ROOT, 'daemon/bin/loupe.js');
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

export interface DaemonProcess {
  readonly port: number;
  /** The pairing token, as `loupe token` prints it. */
  readonly token: string;
  /** Everything the daemon wrote so far (stdout and stderr: its log is on stderr). */
  output(): string;
  /** Resolves once the daemon's output matches `pattern`; rejects, showing the output, after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGSTOP: the daemon hangs with its sockets open, so a request can be caught in flight. */
  freeze(): void;
  /** SIGKILL: the daemon dies mid-work, as when it crashes. */
  kill(): Promise<void>;
  /** SIGTERM, then deletes its config and cache folders; also runs by itself when the test ends. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface DaemonOptions {
  /** Its config folder (token, paired origins); default a fresh one, deleted when it stops. */
  configDir?: string;
  /** Default: a free port the daemon picks. */
  port?: number;
}

/** Starts the real daemon (`loupe serve`) on a free port with its own config folder, stopped when the calling test ends. */
export async function startDaemon(options: DaemonOptions = {}): Promise<DaemonProcess> {
  const home = await mkdtemp(join(tmpdir(), 'loupe-e2e-daemon-'));
  const env = {
    ...process.env,
    LOUPE_PORT: String(options.port ?? 0),
    LOUPE_CONFIG_DIR: options.configDir ?? join(home, 'config'),
    LOUPE_CACHE_DIR: join(home, 'cache'),
    LOUPE_LOG: 'info',
  };
  const { stdout } = await promisify(execFile)(process.execPath, [LOUPE, 'token'], { env, cwd: ROOT });
  const token = stdout.trim();
  const child = spawn(process.execPath, [LOUPE, 'serve'], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const waiters = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);

  const waitForOutput = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const finish = (error?: Error) => {
        waiters.delete(check);
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (pattern.test(output)) finish();
        else if (child.exitCode !== null || child.signalCode !== null)
          finish(new Error(`the daemon exited before printing ${pattern}; its output:\n${output}`));
      };
      const timer = setTimeout(
        () => finish(new Error(`the daemon did not print ${pattern} within ${timeoutMs} ms; its output:\n${output}`)),
        timeoutMs,
      );
      waiters.add(check);
      child.once('exit', check);
      check();
    });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      child.kill('SIGCONT'); // a frozen daemon cannot act on SIGTERM
      child.kill('SIGTERM');
      await exited(child);
      await rm(home, { recursive: true, force: true });
    })());
  onTestFinished(stop);
  try {
    await waitForOutput(LISTENING);
  } catch (error) {
    await stop();
    throw error;
  }
  const port = Number(LISTENING.exec(output)?.[1]);
  return {
    port,
    token,
    output: () => output,
    waitForOutput,
    freeze: () => {
      child.kill('SIGSTOP');
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop,
  };
}
