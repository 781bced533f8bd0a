import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { watch as watchDir } from 'node:fs';
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

// 32 random bytes in base64url: 43 characters, all legal in a WebSocket subprotocol token.
const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export interface TokenStore {
  /** The token file's path (shown to users who want to inspect or delete it). */
  readonly path: string;
  /** The current token, created on first use. */
  read(): Promise<string>;
  /** Replaces the token; every paired browser must be given the new one. */
  rotate(): Promise<string>;
  /** Calls `onChange` when the token file may have changed; returns a function that stops watching. */
  watch(onChange: () => void): () => void;
}

// How often the token file is re-read in case the file system does not report changes.
const POLL_MS = 2000;

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

async function writePrivate(file: string, contents: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await chmod(path.dirname(file), 0o700);
  // Write then rename, so a reader never sees a half-written token.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, contents, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, file);
}

/** Keeps the pairing token in `<configDir>/token`, readable by the user only (0600). */
export function createTokenStore(configDir: string): TokenStore {
  const file = path.join(configDir, 'token');
  return {
    path: file,
    async read() {
      let stored: string;
      try {
        stored = (await readFile(file, 'utf8')).trim();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        const token = newToken();
        await writePrivate(file, token + '\n');
        return token;
      }
      if (!TokenSchema.safeParse(stored).success) {
        throw new Error(
          `The token file ${file} is damaged. Run \`loupe token --rotate\` to make a new token, then paste it into Loupe's Options.`,
        );
      }
      await checkPrivate(configDir, file);
      return stored;
    },
    async rotate() {
      const token = newToken();
      await writePrivate(file, token + '\n');
      return token;
    },
    watch(onChange) {
      let watcher: ReturnType<typeof watchDir> | undefined;
      try {
        watcher = watchDir(configDir, (_event, name) => (name === null || name === 'token') && onChange());
        watcher.on('error', () => watcher?.close());
      } catch {
        // Not every file system can be watched: the poll below still notices a new token.
      }
      const timer = setInterval(onChange, POLL_MS);
      timer.unref();
      return () => {
        watcher?.close();
        clearInterval(timer);
      };
    },
  };
}

/**
 * Refuses a token that other users could read: the file must be 0600 and its folder 0700
 * (POSIX permissions; Windows keeps the file in the user's own profile).
 */
async function checkPrivate(configDir: string, file: string): Promise<void> {
  if (process.platform === 'win32') return;
  for (const [target, wanted] of [
    [configDir, '700'],
    [file, '600'],
  ] as const) {
    const mode = (await stat(target)).mode & 0o777;
    if (mode & 0o077) {
      throw new Error(
        `${target} is open to other users (mode ${mode.toString(8).padStart(3, '0')}), so they could read the pairing token. Run \`chmod ${wanted} ${target}\`, then \`loupe token --rotate\` and paste the new token into Loupe Options.`,
      );
    }
  }
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares a presented token with the real one in constant time. Hashing first gives equal-length
 * buffers, so neither the contents nor the length of the real token leak through timing.
 */
export function tokensMatch(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}
