import { LoupeError } from '../../shared/protocol/errors';
import type { Clock } from '../clock';

export interface Admission {
  /** A place for one request, or `overloaded` (with a retry hint) when every place is taken. */
  enter(): { ok: true; leave(): void } | { ok: false; error: LoupeError };
  readonly inFlight: number;
}

const MIN_RETRY_MS = 50;
const MAX_RETRY_MS = 30_000;

/**
 * One bound on the requests doing work across every connection, so that many clients at once
 * are told to come back later instead of each waiting longer. The retry hint is the expected
 * time until a place frees: with `max` requests in flight taking `latency` each on average,
 * one finishes every latency / max (Little's law).
 */
export function createAdmission({ max, clock }: { max: number; clock: Clock }): Admission {
  let inFlight = 0;
  let meanLatencyMs = 1000;
  return {
    get inFlight() {
      return inFlight;
    },
    enter() {
      if (inFlight >= max) {
        const retryAfterMs = Math.round(Math.min(MAX_RETRY_MS, Math.max(MIN_RETRY_MS, meanLatencyMs / max)));
        const message = `The daemon is busy with ${inFlight} requests; retry in ${(retryAfterMs / 1000).toFixed(1)} s.`;
        return { ok: false, error: new LoupeError('overloaded', message, { retryAfterMs }) };
      }
      inFlight++;
      const began = clock.now();
      let left = false;
      return {
        ok: true,
        leave() {
          if (left) return;
          left = true;
          inFlight--;
          meanLatencyMs = 0.8 * meanLatencyMs + 0.2 * Math.max(1, clock.now() - began);
        },
      };
    },
  };
}
