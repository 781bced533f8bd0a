import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fromWireError, LoupeError } from '../../shared/protocol/errors';
import type { AnalyzeParams } from '../../shared/protocol/messages';
import type { Analysis } from '../../shared/protocol/results';
import type { Logger } from '../logger';
import type { AnalyzeFn } from '../server/server-deps';
import { serializedAnalysis } from './serialized-analysis';
import { WorkerReplySchema, type LiteWorkerData, type WorkerRequest } from './worker-messages';

export const LITE_WORKER_ENTRY = new URL('./lite-worker-entry.mjs', import.meta.url);

/** Two workers at least (one long page must not hold up every other), one core left for the event loop. */
export function defaultLiteWorkers(cores = availableParallelism()): number {
  return Math.min(4, Math.max(2, cores - 1));
}

export interface LiteWorkerPoolOptions {
  /** Worker threads; each runs one analysis at a time. */
  size: number;
  workerData: LiteWorkerData;
  /** V8 heap limit of each worker: an analysis that needs more fails alone, the daemon lives on. */
  maxHeapMb: number;
  logger: Logger;
  /** The worker module (default: the lite worker); tests pass a stand-in. */
  entry?: URL;
}

export interface LitePoolStats {
  workers: number;
  busy: number;
  queued: number;
  /** Workers terminated (cancelled or over their deadline) or lost (crashed, out of memory). */
  replaced: number;
  completed: number;
}

export interface LiteWorkerPool {
  /** Analyses on a worker thread; an abort of `signal` terminates that worker within milliseconds. */
  analyze: AnalyzeFn;
  /** Starts every worker now, so the first requests do not wait for one to load its models. */
  warm(): void;
  stats(): LitePoolStats;
  close(): Promise<void>;
}

interface Job {
  id: number;
  params: AnalyzeParams;
  signal: AbortSignal;
  onStart(): void;
  resolve(analysis: Analysis): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker | undefined;
  job: Job | undefined;
}

/**
 * Runs lite analyses off the daemon's event loop, on `size` worker threads fed from one FIFO
 * queue, so no request (a two-million-character page included) can keep the daemon from
 * answering others. Cancelling a running request terminates its worker, even one busy in
 * synchronous code, and a fresh worker takes its place.
 */
export function createLiteWorkerPool(options: LiteWorkerPoolOptions): LiteWorkerPool {
  const entry = options.entry ?? new URL(LITE_WORKER_ENTRY);
  const slots: Slot[] = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: undefined, job: undefined }));
  const queue: Job[] = [];
  const counts = { replaced: 0, completed: 0 };
  let nextJob = 0;
  let closed = false;

  function spawn(slot: Slot): Worker {
    const worker = new Worker(entry, { workerData: options.workerData, resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } });
    worker.on('message', (raw: unknown) => settle(slot, worker, raw));
    worker.on('error', (error) => lose(slot, worker, error));
    worker.on('exit', (code) => lose(slot, worker, new Error(`the lite worker exited with code ${code}`)));
    return worker;
  }

  function settle(slot: Slot, worker: Worker, raw: unknown): void {
    const job = slot.job;
    if (slot.worker !== worker || !job) return;
    slot.job = undefined;
    counts.completed++;
    const reply = WorkerReplySchema.safeParse(raw);
    if (!reply.success || reply.data.job !== job.id) job.reject(new LoupeError('internal', 'The lite worker sent a malformed reply.'));
    else if (reply.data.type === 'result') job.resolve(serializedAnalysis(reply.data.json));
    else job.reject(fromWireError(reply.data.error));
    dispatch();
  }

  // A worker that died (out of memory, a crash) fails only its own request.
  function lose(slot: Slot, worker: Worker, error: Error): void {
    if (slot.worker !== worker) return;
    slot.worker = undefined;
    const job = slot.job;
    slot.job = undefined;
    if (!job) return;
    counts.replaced++;
    options.logger.warn(`lite worker lost while analysing ${job.params.text.length} characters: ${error.message}`);
    job.reject(lostError(error, options.maxHeapMb));
    dispatch();
  }

  function replace(slot: Slot): void {
    const worker = slot.worker;
    slot.worker = undefined;
    slot.job = undefined;
    counts.replaced++;
    void worker?.terminate();
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (closed || slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.worker ??= spawn(slot);
      slot.job = job;
      const request: WorkerRequest = { type: 'analyze', job: job.id, params: job.params };
      slot.worker.postMessage(request);
      job.onStart();
    }
  }

  function cancel(job: Job): void {
    const queued = queue.indexOf(job);
    if (queued >= 0) queue.splice(queued, 1);
    const slot = slots.find((s) => s.job === job);
    if (slot) replace(slot);
    job.reject(job.signal.reason);
    dispatch();
  }

  const analyze: AnalyzeFn = (params, { signal, onProgress }) => {
    if (closed) return Promise.reject(new LoupeError('internal', 'The lite engine has stopped.'));
    signal.throwIfAborted();
    return new Promise<Analysis>((resolve, reject) => {
      const onAbort = () => cancel(job);
      const done = () => signal.removeEventListener('abort', onAbort);
      const job: Job = {
        id: nextJob++,
        params,
        signal,
        onStart: () => onProgress({ stage: 'analyze', completed: 0, total: 1 }),
        resolve: (analysis) => {
          done();
          resolve(analysis);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      queue.push(job);
      dispatch();
    });
  };

  return {
    analyze,
    warm() {
      for (const slot of slots) if (!closed) slot.worker ??= spawn(slot);
    },
    stats: () => ({
      workers: slots.filter((s) => s.worker).length,
      busy: slots.filter((s) => s.job).length,
      queued: queue.length,
      ...counts,
    }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new LoupeError('cancelled', 'The daemon is stopping.'));
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          slot.worker = undefined;
          slot.job?.reject(new LoupeError('cancelled', 'The daemon is stopping.'));
          slot.job = undefined;
          await worker?.terminate();
        }),
      );
    },
  };
}

function lostError(error: Error, maxHeapMb: number): LoupeError {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new LoupeError(
      'input-too-large',
      `Analysing this text needed more than the ${maxHeapMb} MB one analysis may use; select a part of the page and analyse the selection.`,
    );
  }
  return new LoupeError('internal', `The lite analysis stopped unexpectedly (${error.message}); try again.`);
}
