import { LoupeError } from '../../shared/protocol/errors';

interface Waiter {
  byteLength: number;
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface BinaryWaiters {
  /** Waits up to `timeoutMs` for the binary frame of request `id`; rejects when `signal` aborts. */
  wait(id: string, byteLength: number, signal: AbortSignal): Promise<Uint8Array>;
  /** Hands a binary frame's payload to its waiter; false when no request is waiting for `id`. */
  deliver(id: string, payload: Uint8Array): boolean;
  /** Fails the waiter of `id` (e.g. its binary frame was too large). */
  fail(id: string, error: Error): boolean;
}

/** Pairs describe-image requests with the binary frames that carry their bytes. */
export function createBinaryWaiters(timeoutMs: number): BinaryWaiters {
  const waiters = new Map<string, Waiter>();
  const settle = (id: string) => {
    const waiter = waiters.get(id);
    if (waiter) clearTimeout(waiter.timer);
    waiters.delete(id);
    return waiter;
  };

  return {
    wait(id, byteLength, signal) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          settle(id);
          reject(
            new LoupeError(
              'timeout',
              `No image bytes arrived for request ${id} within ${timeoutMs / 1000} s; send the binary frame right after the describe-image message.`,
            ),
          );
        }, timeoutMs);
        waiters.set(id, { byteLength, resolve, reject, timer });
        signal.addEventListener('abort', () => settle(id)?.reject(new LoupeError('cancelled', `Request ${id} was cancelled.`)), {
          once: true,
        });
      });
    },
    deliver(id, payload) {
      const waiter = settle(id);
      if (!waiter) return false;
      if (payload.length !== waiter.byteLength) {
        waiter.reject(
          new LoupeError(
            'bad-input',
            `Request ${id} announced ${waiter.byteLength} image bytes but its binary frame carried ${payload.length}.`,
          ),
        );
      } else {
        waiter.resolve(payload);
      }
      return true;
    },
    fail(id, error) {
      const waiter = settle(id);
      waiter?.reject(error);
      return waiter !== undefined;
    },
  };
}
