import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Pings every client each `intervalMs` and terminates those that did not answer the previous
 * ping: a sleeping laptop or a killed browser leaves sockets that never close by themselves.
 * Returns a function that stops the heartbeat.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const alive = new WeakMap<WebSocket, boolean>();
  wss.on('connection', (ws: WebSocket) => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
  });
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
      } else {
        alive.set(ws, false);
        ws.ping();
      }
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
