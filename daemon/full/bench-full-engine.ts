import { performance } from 'node:perf_hooks';
import type { FullEngine } from './full-engine';

export type BenchTask =
  | { task: 'summary'; text: string }
  | { task: 'entities'; text: string }
  | { task: 'caption'; png: Uint8Array }
  | { task: 'bias'; text: string; labels?: string[] };

export interface BenchResult {
  task: BenchTask['task'];
  runs: number;
  loadMs: number;
  msPerOp: number;
  minMs: number;
  maxMs: number;
}

function once(engine: FullEngine, input: BenchTask): Promise<unknown> {
  switch (input.task) {
    case 'summary':
      return engine.summarize(input.text);
    case 'entities':
      return engine.tagEntities(input.text);
    case 'caption':
      return engine.caption(input.png);
    case 'bias':
      return engine.classify(input.text, input.labels);
  }
}

/**
 * Calls one full-tier task in-process `runs` times, one after another, after a first call that
 * loads the model (reported apart as `loadMs`), and returns milliseconds per call.
 */
export async function benchFullEngine(engine: FullEngine, input: BenchTask, runs: number): Promise<BenchResult> {
  const loadStart = performance.now();
  await once(engine, input);
  const loadMs = performance.now() - loadStart;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once(engine, input);
    times.push(performance.now() - start);
  }
  const total = times.reduce((a, b) => a + b, 0);
  return { task: input.task, runs, loadMs, msPerOp: runs ? total / runs : 0, minMs: Math.min(...times), maxMs: Math.max(...times) };
}
