// A stand-in lite worker: `spin` never returns (synchronous code that only termination stops),
// `hoard` allocates until the heap limit kills the thread, anything else is echoed back (as the
// one key point of its summary: analyses carry spans, not the text).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ job, params }) => {
  if (params.text === 'spin') for (;;);
  if (params.text === 'hoard') {
    const kept = [];
    for (;;) kept.push(new Array(1e6).fill(Math.random()));
  }
  const provenance = { engine: 'daemon', tier: 'lite', model: 'echo', backend: 'rules' };
  const sentences = [{ start: 0, end: params.text.length, text: params.text, score: 1 }];
  parentPort.postMessage({ type: 'result', job, json: new TextEncoder().encode(JSON.stringify({ summary: { sentences, provenance } })) });
});
