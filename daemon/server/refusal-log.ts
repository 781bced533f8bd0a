import type { Clock } from '../clock';
import type { Logger } from '../logger';

/** Longest excerpt of a client-chosen header written to the log. */
export const LOGGED_HEADER_CHARS = 80;

/** A client-chosen value as it may appear in a log line: quoted, escaped and cut short. */
export function clipForLog(value: string | undefined): string {
  const text = value ?? '';
  const cut = text.length > LOGGED_HEADER_CHARS ? `${text.slice(0, LOGGED_HEADER_CHARS)}…(${text.length} chars)` : text;
  return JSON.stringify(cut);
}

export interface RefusalLog {
  refused(line: string): void;
}

/**
 * Logs refused connections, at most `perWindow` lines per window; the rest are counted and the
 * count is logged once when the next window opens. A flood of refusals costs a few log lines a
 * minute, each of bounded length.
 */
export function createRefusalLog(logger: Logger, clock: Clock, { perWindow = 20, windowMs = 60_000 } = {}): RefusalLog {
  let windowStart = -Infinity;
  let logged = 0;
  let suppressed = 0;
  return {
    refused(line) {
      const now = clock.now();
      if (now - windowStart >= windowMs) {
        if (suppressed > 0)
          logger.warn(`…and ${suppressed.toLocaleString('en')} more refused connections in the last ${Math.round(windowMs / 1000)} s`);
        windowStart = now;
        logged = 0;
        suppressed = 0;
      }
      if (logged < perWindow) {
        logged++;
        logger.warn(line);
      } else {
        suppressed++;
      }
    },
  };
}
