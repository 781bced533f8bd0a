import type { WebSocket } from 'ws';
import type { Logger } from '../logger';

/** Close code and reason sent to sessions whose pairing token was replaced. */
export const TOKEN_ROTATED = { code: 1008, reason: 'The pairing token was rotated: paste the new one into Loupe Options.' } as const;

export interface SessionTokens {
  /** Remembers which token opened `ws`. */
  add(ws: WebSocket, token: string): void;
  /** Tells the current token; sessions opened with any other are closed at once. */
  observe(current: string): void;
}

/** Keeps every open session tied to the token that opened it, so rotating the token ends them. */
export function createSessionTokens(logger: Logger): SessionTokens {
  const sessions = new Map<WebSocket, string>();
  let known: string | undefined;
  const revoke = (ws: WebSocket) => {
    sessions.delete(ws);
    ws.close(TOKEN_ROTATED.code, TOKEN_ROTATED.reason);
    logger.info('closed a session opened with a replaced pairing token');
  };
  return {
    add(ws, token) {
      known ??= token;
      // The token was replaced while this session's handshake was under way.
      if (token !== known) return revoke(ws);
      sessions.set(ws, token);
      ws.once('close', () => sessions.delete(ws));
    },
    observe(current) {
      if (current === known) return;
      known = current;
      for (const [ws, token] of sessions) if (token !== current) revoke(ws);
    },
  };
}
