import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { removeIfPresent } from './remove-if-present';
import path from 'node:path';
import { z } from 'zod';
import { LoupeError } from '../../shared/protocol/errors';

const LockSchema = z.object({ pid: z.number().int(), startedAt: z.string() });

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holder(lockFile: string): Promise<number | undefined> {
  try {
    const parsed = LockSchema.safeParse(JSON.parse(await readFile(lockFile, 'utf8')));
    return parsed.success ? parsed.data.pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (error instanceof SyntaxError) return undefined; // half-written by a process that died
    throw error;
  }
}

/**
 * Takes the cross-process lock for pulling one repository (a file created with O_EXCL holding
 * our pid). A lock whose process is gone is stale and taken over. Returns the release function.
 */
export async function acquirePullLock(lockFile: string, id: string, now: () => number): Promise<() => Promise<void>> {
  await mkdir(path.dirname(lockFile), { recursive: true });
  for (let tries = 0; tries < 2; tries++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, startedAt: new Date(now()).toISOString() }));
      await handle.close();
      return () =>
        unlink(lockFile).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = await holder(lockFile);
      if (pid !== undefined && isAlive(pid)) {
        throw new LoupeError(
          'overloaded',
          `Model ${id} is being pulled by another Loupe process (pid ${pid}). Wait for it to finish, or delete ${lockFile} if that process is gone.`,
        );
      }
      await removeIfPresent(lockFile);
    }
  }
  throw new LoupeError('overloaded', `Could not lock ${lockFile} to pull ${id}; another process keeps taking it. Try again.`);
}
