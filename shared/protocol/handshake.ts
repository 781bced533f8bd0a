/**
 * How a client authenticates when it opens the daemon's WebSocket. Browsers cannot set headers
 * on a WebSocket, so the pairing token travels as a second subprotocol next to the protocol one:
 * `new WebSocket(url, [LOUPE_SUBPROTOCOL, tokenSubprotocol(token)])`. The daemon answers with
 * {@link LOUPE_SUBPROTOCOL} only, so the token is never echoed.
 */
export const LOUPE_SUBPROTOCOL = 'loupe.v1';

const TOKEN_PREFIX = 'loupe.token.';

/** The daemon's WebSocket path. */
export const SOCKET_PATH = '/ws';

/** The default daemon port (overridable with LOUPE_PORT). */
export const DEFAULT_DAEMON_PORT = 7341;

/** The subprotocol that carries a pairing token. */
export function tokenSubprotocol(token: string): string {
  return TOKEN_PREFIX + token;
}

/**
 * Reads the token from a `Sec-WebSocket-Protocol` header value; undefined when absent.
 * Returns the protocol list too, so the server can check it offers {@link LOUPE_SUBPROTOCOL}.
 */
export function parseSubprotocols(header: string | undefined): { protocols: string[]; token: string | undefined } {
  const protocols = (header ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const tokenEntry = protocols.find((p) => p.startsWith(TOKEN_PREFIX));
  return { protocols, token: tokenEntry?.slice(TOKEN_PREFIX.length) };
}
