// A stand-in lite worker: `spin` never returns (synchronous code that only termination stops),
// `hoard` allocates until the heap limit kills the thread, anything else is echoed back.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ job, params }) => {
  if (params.text === 'spin') for (;;);
  if (params.text === 'hoard') {
    const kept = [];
    for (;;) kept.push(new Array(1e6).fill(Math.random()));
  }
  parentPort.postMessage({ type: 'result', job, json: new TextEncoder().encode(JSON.stringify({ text: params.text })) });
});
