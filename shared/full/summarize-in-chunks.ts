import { LoupeError } from '../protocol/errors';
import { chunkByTokens } from './chunk-by-tokens';
import type { AbortSignalLike } from './full-runtime';

/** Summary progress: chunks summarised so far, out of chunks + 1 combining pass when there are several. */
export interface SummaryProgress {
  completed: number;
  total: number;
}

export interface ChunkedSummaryDeps {
  countTokens(text: string): number;
  maxInputTokens: number;
  summarizeChunk(text: string): Promise<string>;
  signal?: AbortSignalLike;
  onProgress?: (progress: SummaryProgress) => void;
}

/** Summaries of summaries stop here: text that does not shrink would otherwise loop. */
const MAX_COMBINING_ROUNDS = 4;

function throwIfCancelled(signal?: AbortSignalLike): void {
  if (signal?.aborted) throw new LoupeError('cancelled', 'The summary was cancelled (its tab closed or the request was withdrawn).');
}

async function summarizeAll(chunks: string[], deps: ChunkedSummaryDeps, report: () => void): Promise<string[]> {
  const summaries: string[] = [];
  for (const chunk of chunks) {
    throwIfCancelled(deps.signal);
    summaries.push(await deps.summarizeChunk(chunk));
    throwIfCancelled(deps.signal);
    report();
  }
  return summaries;
}

/**
 * Summarises text longer than the model reads at once: whole sentences are packed into chunks
 * that fit its input, each chunk is summarised, and when there are several, their summaries
 * are summarised again (in chunks too, if they still do not fit).
 */
export async function summarizeInChunks(text: string, deps: ChunkedSummaryDeps): Promise<string> {
  const split = (t: string) => chunkByTokens(t, deps.countTokens, deps.maxInputTokens).map((c) => c.text);
  const chunks = split(text);
  if (chunks.length === 0) return '';
  const total = chunks.length + (chunks.length > 1 ? 1 : 0);
  let completed = 0;
  deps.onProgress?.({ completed, total });
  let summaries = await summarizeAll(chunks, deps, () => deps.onProgress?.({ completed: ++completed, total }));
  if (summaries.length === 1) return summaries[0] ?? '';
  for (let round = 0; round < MAX_COMBINING_ROUNDS; round++) {
    const combined = split(summaries.join(' '));
    summaries = await summarizeAll(combined, deps, () => undefined);
    if (summaries.length === 1) break;
  }
  deps.onProgress?.({ completed: total, total });
  return summaries.join(' ');
}
