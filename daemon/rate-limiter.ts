import type { Clock } from './clock';

export interface RateLimiterOptions {
  /** Failures allowed inside `windowMs` before the key is blocked. */
  maxFailures: number;
  windowMs: number;
  /** How long a blocked key stays blocked. */
  blockMs: number;
  clock: Clock;
}

export interface RateLimiter {
  /** Milliseconds until `key` may try again; 0 when it is not blocked. */
  blockedFor(key: string): number;
  recordFailure(key: string): void;
}

export const DEFAULT_RATE_LIMIT = { maxFailures: 10, windowMs: 60_000, blockMs: 60_000 } as const;

/** Counts failed attempts per key in a sliding window and blocks a key that fails too often. */
export function createRateLimiter({ maxFailures, windowMs, blockMs, clock }: RateLimiterOptions): RateLimiter {
  const failures = new Map<string, number[]>();
  const blockedUntil = new Map<string, number>();

  function recent(key: string, now: number): number[] {
    const kept = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  }

  return {
    blockedFor(key) {
      const until = blockedUntil.get(key);
      if (until === undefined) return 0;
      const left = until - clock.now();
      if (left > 0) return left;
      blockedUntil.delete(key);
      return 0;
    },
    recordFailure(key) {
      const now = clock.now();
      const kept = [...recent(key, now), now];
      failures.set(key, kept);
      if (kept.length >= maxFailures) {
        blockedUntil.set(key, now + blockMs);
        failures.delete(key);
      }
    },
  };
}
