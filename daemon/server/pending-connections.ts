import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface PendingConnections {
  /** The socket became an authenticated WebSocket session: it no longer counts as pending. */
  settle(socket: Socket): void;
  readonly size: number;
}

/**
 * Caps the connections that have not (yet) become an authenticated session: beyond `max`, the
 * oldest is dropped, and one idle for `idleMs` is closed. Half-open connections held by a local
 * process cannot exhaust the daemon, and cannot lock out the extension either, whose own
 * handshake on loopback takes a millisecond.
 */
export function trackPendingConnections(server: Server, { max, idleMs }: { max: number; idleMs: number }): PendingConnections {
  const pending = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    pending.add(socket);
    // The HTTP server times out a request it has started to read; this also covers a
    // connection that never sends a byte.
    socket.setTimeout(idleMs, () => socket.destroy());
    socket.once('close', () => pending.delete(socket));
    for (const oldest of pending) {
      if (pending.size <= max) break;
      pending.delete(oldest);
      oldest.destroy();
    }
  });
  return {
    settle(socket) {
      pending.delete(socket);
      socket.setTimeout(0);
    },
    get size() {
      return pending.size;
    },
  };
}
