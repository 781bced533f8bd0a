import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** What a finished `loupe` process printed, and how it exited. */
export interface LoupeRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node [nodeArgs] daemon/bin/loupe.js args` in the checkout with `stdin` and extra `env`. */
export function runLoupe(
  args: string[],
  { stdin = '', env = {}, nodeArgs = [] }: { stdin?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {},
): Promise<LoupeRun> {
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'daemon/bin/loupe.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
