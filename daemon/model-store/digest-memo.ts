import { stat } from 'node:fs/promises';

/**
 * Remembers files whose sha256 was checked, keyed by path with their size and mtime, so loading a
 * model does not re-hash hundreds of megabytes each time; a file touched since is hashed again.
 */
export interface DigestMemo {
  remember(file: string, sha256: string): Promise<void>;
  /** True when `file` was checked against `sha256` and has not changed since. */
  vouches(file: string, sha256: string): Promise<boolean>;
  forgetUnder(dir: string): void;
}

export function createDigestMemo(): DigestMemo {
  const checked = new Map<string, { sha256: string; size: number; mtimeMs: number }>();
  return {
    async remember(file, sha256) {
      const { size, mtimeMs } = await stat(file);
      checked.set(file, { sha256, size, mtimeMs });
    },
    async vouches(file, sha256) {
      const seen = checked.get(file);
      if (!seen || seen.sha256 !== sha256) return false;
      const now = await stat(file).catch(() => undefined);
      return now !== undefined && now.size === seen.size && now.mtimeMs === seen.mtimeMs;
    },
    forgetUnder(dir) {
      for (const file of checked.keys()) if (file.startsWith(dir)) checked.delete(file);
    },
  };
}
