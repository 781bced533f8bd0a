import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOUPE = path.join(ROOT, 'daemon/bin/loupe.js');
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

/** The real daemon (`loupe serve`) in its own process, on a free loopback port with its own config. */
export interface StressDaemon {
  readonly port: number;
  readonly token: string;
  readonly wsUrl: string;
  readonly configDir: string;
  /** Resident memory of the daemon process (worker threads included), in MiB. */
  rssMiB(): number;
  /** Lines the daemon logged so far. */
  logLines(): number;
  /** Bytes the daemon logged so far. */
  logBytes(): number;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startStressDaemon(home?: string): Promise<StressDaemon> {
  const dir = home ?? (await mkdtemp(path.join(tmpdir(), 'loupe-stress-')));
  const env = {
    ...process.env,
    LOUPE_PORT: '0',
    LOUPE_CONFIG_DIR: path.join(dir, 'config'),
    LOUPE_CACHE_DIR: path.join(dir, 'cache'),
    LOUPE_LOG: 'info',
  };
  const token = (await promisify(execFile)(process.execPath, [LOUPE, 'token'], { env, cwd: ROOT })).stdout.trim();
  const child = spawn(process.execPath, [LOUPE, 'serve'], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the daemon did not start within 60 s:\n${stdout}${log}`)), 60_000);
    const check = () => {
      const match = LISTENING.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', check);
    child.once('exit', () => reject(new Error(`the daemon exited:\n${stdout}${log}`)));
  });
  return {
    port,
    token,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    configDir: env.LOUPE_CONFIG_DIR,
    rssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    logLines: () => log.split('\n').length - 1,
    logBytes: () => Buffer.byteLength(log),
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
      if (!home) await rm(dir, { recursive: true, force: true });
    },
  };
}
