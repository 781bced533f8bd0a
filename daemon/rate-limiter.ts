import type { Clock } from './clock';

export interface RateLimiterOptions {
  /** Failures allowed inside `windowMs` before the key is blocked. */
  maxFailures: number;
  windowMs: number;
  /** How long a blocked key stays blocked. */
  blockMs: number;
  /** Keys remembered at most; the oldest are forgotten first, so memory stays bounded whatever the keys. */
  maxKeys: number;
  clock: Clock;
}

export interface RateLimiter {
  /** Milliseconds until `key` may try again; 0 when it is not blocked. */
  blockedFor(key: string): number;
  recordFailure(key: string): void;
  /** Keys currently remembered (for tests and the stress report). */
  size(): number;
}

/** Per connection attempt (remote port). */
export const DEFAULT_RATE_LIMIT = { maxFailures: 10, windowMs: 60_000, blockMs: 60_000, maxKeys: 4096 } as const;

/** All attempts without the token together: a flood is answered 429 at once, without logging each. */
export const DEFAULT_GLOBAL_RATE_LIMIT = { maxFailures: 100, windowMs: 60_000, blockMs: 10_000, maxKeys: 1 } as const;

interface Entry {
  windowStart: number;
  failures: number;
  blockedUntil: number;
}

/**
 * Counts failed attempts per key in fixed windows and blocks a key that fails too often. Entries
 * expire once their window and block are over (swept as new failures arrive), and at most
 * `maxKeys` are kept, so a flood of distinct keys costs bounded memory.
 */
export function createRateLimiter({ maxFailures, windowMs, blockMs, maxKeys, clock }: RateLimiterOptions): RateLimiter {
  // Map order is insertion order: a key is re-inserted on each failure, so the first is the stalest.
  const entries = new Map<string, Entry>();
  const expired = (entry: Entry, now: number) => now - entry.windowStart >= windowMs && now >= entry.blockedUntil;

  function sweep(now: number): void {
    let passes = entries.size;
    for (const [key, entry] of entries) {
      if (passes-- <= 0 || (entries.size <= maxKeys && !expired(entry, now))) break;
      entries.delete(key);
      // Over the cap, a key still blocked goes to the back rather than out: a flood of new keys
      // must not lift a block.
      if (!expired(entry, now) && now < entry.blockedUntil) entries.set(key, entry);
    }
  }

  return {
    blockedFor(key) {
      const entry = entries.get(key);
      return entry ? Math.max(0, entry.blockedUntil - clock.now()) : 0;
    },
    recordFailure(key) {
      const now = clock.now();
      const previous = entries.get(key);
      const entry =
        previous && now - previous.windowStart < windowMs
          ? previous
          : { windowStart: now, failures: 0, blockedUntil: previous?.blockedUntil ?? 0 };
      entry.failures++;
      if (entry.failures >= maxFailures) entry.blockedUntil = now + blockMs;
      entries.delete(key);
      entries.set(key, entry);
      sweep(now);
    },
    size: () => entries.size,
  };
}
