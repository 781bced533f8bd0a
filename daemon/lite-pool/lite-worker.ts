// The body of a lite worker thread: loads the lite models once, then analyses one request at a
// time. The pool terminates this thread to cancel a request or enforce its deadline, so nothing
// here needs to check for cancellation.
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { toWireError } from '../../shared/protocol/errors';
import { createLiteEngine, type LiteEngine } from '../lite-engine';
import { createLogger } from '../logger';
import { LiteWorkerDataSchema, WorkerRequestSchema, type WorkerReply } from './worker-messages';

async function loadEngine(): Promise<LiteEngine> {
  const data = LiteWorkerDataSchema.parse(workerData);
  if (data.models === 'rules') return createLiteEngine(data.engine);
  const { loadLiteModels } = await import('../lite-models/load-lite-models');
  // Why a model is missing was already logged by the daemon, which checked the same files.
  return createLiteEngine(data.engine, await loadLiteModels({ logger: createLogger('quiet') }));
}

// Below the event loop's priority (on Linux this thread's, and the ONNX threads it starts): when
// cores are short, the thread that answers every client runs first.
try {
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not allowed here (some platforms, some sandboxes): the analysis runs at normal priority.
}

const port = parentPort;
if (!port) throw new Error('lite-worker.ts runs inside a worker thread started by the lite worker pool.');
const engine = loadEngine();
const idle = new AbortController().signal;

port.on('message', async (raw: unknown) => {
  const request = WorkerRequestSchema.parse(raw);
  let reply: WorkerReply;
  try {
    const analysis = await (await engine).analyze(request.params, { signal: idle, onProgress: () => undefined });
    reply = { type: 'result', job: request.job, json: new TextEncoder().encode(JSON.stringify(analysis)) };
  } catch (error) {
    reply = { type: 'error', job: request.job, error: toWireError(error) };
  }
  port.postMessage(reply, reply.type === 'result' ? [reply.json.buffer as ArrayBuffer] : []);
});
