import { formatBytes } from '../../engine/full/download-plan';

/** What `navigator.storage.estimate()` reports for the extension's origin. */
interface StorageEstimate {
  quota?: number;
  usage?: number;
}

/** Room kept spare beyond the download: the cache writes each file before it drops the partial copy. */
const HEADROOM = 1.1;

/**
 * Why a download of `bytes` cannot start, or undefined when it fits (or the browser cannot
 * tell). A download that would fail half-way through a disk that is full costs the reader
 * minutes and leaves nothing usable; saying so before the first byte costs nothing.
 */
export async function storageRefusal(bytes: number | undefined, estimate: () => Promise<StorageEstimate>): Promise<string | undefined> {
  if (bytes === undefined) return undefined;
  let found: StorageEstimate;
  try {
    found = await estimate();
  } catch {
    return undefined;
  }
  if (found.quota === undefined) return undefined;
  const free = Math.max(0, found.quota - (found.usage ?? 0));
  if (bytes * HEADROOM <= free) return undefined;
  return `Not downloaded: it needs ${formatBytes(bytes)} and this browser has ${formatBytes(free)} free for Loupe. Delete a model you no longer use, or free disk space, then try again.`;
}
