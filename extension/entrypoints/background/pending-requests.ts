import type { ResultPayload, ServerMessage } from '../../../shared/protocol/messages';
import { fromWireError } from '../../../shared/protocol/errors';

export type DaemonFailure = 'not-connected' | 'disconnected' | 'timeout';

/** The daemon could not answer: the router falls back to the browser engine on this. */
export class DaemonUnavailableError extends Error {
  readonly reason: DaemonFailure;
  constructor(reason: DaemonFailure, message: string) {
    super(message);
    this.name = 'DaemonUnavailableError';
    this.reason = reason;
  }
}

export type ProgressEvent = Extract<ServerMessage, { type: 'progress' }>;

interface Pending {
  resolve(result: ResultPayload): void;
  reject(error: Error): void;
  onProgress?: (event: ProgressEvent) => void;
  timer: ReturnType<typeof setTimeout>;
  /** Re-arms the timeout: a request that keeps reporting progress is alive, however long it runs. */
  rearm(): void;
}

/**
 * Requests in flight on one socket, by id: each settles once, by reply, timeout or disconnect.
 * The timeout counts silence, not total time: long full-tier work on a CPU streams progress
 * events, and each one restarts the clock.
 */
export function createPendingRequests() {
  const pending = new Map<string, Pending>();

  function settle(id: string): Pending | undefined {
    const entry = pending.get(id);
    if (!entry) return undefined;
    clearTimeout(entry.timer);
    pending.delete(id);
    return entry;
  }

  return {
    add(id: string, timeoutMs: number, onTimeout: () => void, onProgress?: (event: ProgressEvent) => void): Promise<ResultPayload> {
      return new Promise<ResultPayload>((resolve, reject) => {
        const expire = () => {
          settle(id)?.reject(new DaemonUnavailableError('timeout', `The daemon went silent for ${Math.round(timeoutMs / 1000)} s.`));
          onTimeout();
        };
        const entry: Pending = {
          resolve,
          reject,
          timer: setTimeout(expire, timeoutMs),
          rearm() {
            clearTimeout(entry.timer);
            entry.timer = setTimeout(expire, timeoutMs);
          },
          ...(onProgress ? { onProgress } : {}),
        };
        pending.set(id, entry);
      });
    },
    /** Routes a validated server message to its request; false when no request has that id. */
    deliver(message: ServerMessage): boolean {
      if (message.id === null) return false;
      if (message.type === 'progress') {
        const entry = pending.get(message.id);
        entry?.rearm();
        entry?.onProgress?.(message);
        return entry !== undefined;
      }
      const entry = settle(message.id);
      if (!entry) return false;
      if (message.type === 'result') entry.resolve(message.result);
      else entry.reject(fromWireError(message.error));
      return true;
    },
    reject(id: string, error: Error): void {
      settle(id)?.reject(error);
    },
    rejectAll(error: Error): void {
      for (const id of [...pending.keys()]) settle(id)?.reject(error);
    },
    get size(): number {
      return pending.size;
    },
  };
}
