// Pings the daemon every `intervalMs` from its own thread, so the latencies it reports are the
// daemon's alone: the stress process's own work (building and parsing megabytes of JSON) and its
// garbage collections happen on another event loop.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const { wsUrl, token, origin, intervalMs } = workerData;
const ws = new WebSocket(wsUrl, ['loupe.v1', `loupe.token.${token}`], { origin });
const latencies = [];
let stopped = false;
let next = 0;

ws.once('open', () => {
  const ping = () => {
    if (stopped) return;
    const id = `ping-${next++}`;
    const sent = performance.now();
    const onMessage = (data) => {
      if (JSON.parse(data.toString()).id !== id) return;
      ws.off('message', onMessage);
      latencies.push(performance.now() - sent);
      setTimeout(ping, intervalMs);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ v: 1, id, type: 'ping' }));
  };
  parentPort.postMessage({ type: 'ready' });
  ping();
});
parentPort.on('message', () => {
  stopped = true;
  ws.close();
  parentPort.postMessage({ type: 'latencies', latencies });
});
