import type { LoadedLiteModels } from '../../daemon/lite-models/load-lite-models';
import { createLiteEngine } from '../../daemon/lite-engine';
import { DEFAULT_SERVER_LIMITS } from '../../daemon/server/frame-limits';
import type { AnalyzeParams } from '../../shared/protocol/messages';
import { newsArticleText } from './bench-corpus';
import type { BenchClient } from './bench-socket-client';
import { startBenchDaemon } from './bench-daemon';
import { heading, measureInterleaved, note, num, perSecond, rows } from './bench-timing';

const CLIENTS = 16;
/** Requests per client: the server's per-connection in-flight limit, so "all at once" is allowed. */
const PER_CLIENT = DEFAULT_SERVER_LIMITS.maxInFlight;

function params(): AnalyzeParams {
  return { text: newsArticleText(), tasks: ['summary', 'entities', 'bias'], tier: 'lite' };
}

/** The same lite analyze request through the daemon socket vs the same pipeline called in-process. */
export async function benchProtocolSection(lite: LoadedLiteModels): Promise<void> {
  heading('daemon protocol overhead: lite analyze over the socket vs in-process (baseline)');
  const request = params();
  const engine = createLiteEngine('in-process', lite);
  const options = { signal: new AbortController().signal, onProgress: () => {} };
  const daemon = await startBenchDaemon(lite);
  try {
    const client = await daemon.connect('overhead');
    const { socket, direct } = await measureInterleaved(
      {
        socket: () => client.analyze(request),
        direct: () => engine.analyze(request, options),
      },
      { warmup: 3, runs: 30 },
    );
    client.close();
    note(`request: the news article fixture (${num(request.text.length)} characters), summary + entities + bias, one request at a time`);
    rows([
      ['path', 'median ms', 'min ms'],
      ['ws://127.0.0.1 socket (token + extension origin, JSON frames)', num(socket.medianMs), num(socket.minMs)],
      ['in-process analyze (same engine and models)', num(direct.medianMs), num(direct.minMs)],
    ]);
    note(
      `socket / in-process: ${(socket.medianMs / direct.medianMs).toFixed(2)}x at the median (${num(socket.medianMs - direct.medianMs)} ms per request), ${(socket.minMs / direct.minMs).toFixed(2)}x at the fastest run (${num(socket.minMs - direct.minMs)} ms)`,
    );
  } finally {
    await daemon.stop();
  }
}

async function round(clients: BenchClient[], request: AnalyzeParams, concurrent: boolean): Promise<void> {
  await Promise.all(
    clients.map(async (client) => {
      if (concurrent) return Promise.all(Array.from({ length: PER_CLIENT }, () => client.analyze(request)));
      for (let i = 0; i < PER_CLIENT; i++) await client.analyze(request);
    }),
  );
}

/** Throughput of 16 socket clients sending one request at a time vs all their requests at once. */
export async function benchConcurrencySection(lite: LoadedLiteModels): Promise<void> {
  heading(`concurrency: ${CLIENTS} socket clients × ${PER_CLIENT} lite analyze requests each`);
  const request = params();
  const daemon = await startBenchDaemon(lite);
  const clients: BenchClient[] = [];
  try {
    for (let i = 0; i < CLIENTS; i++) clients.push(await daemon.connect(`client${i}`));
    const total = CLIENTS * PER_CLIENT;
    const { sequential, concurrent } = await measureInterleaved(
      {
        sequential: () => round(clients, request, false),
        concurrent: () => round(clients, request, true),
      },
      { warmup: 1, runs: 3 },
    );
    rows([
      ['mode', 'req/s', 'median ms per round'],
      [`one at a time per client (${CLIENTS} clients in parallel)`, num(perSecond(total, sequential)), num(sequential.medianMs)],
      [
        `all ${PER_CLIENT} of each client's requests at once (${total} in flight)`,
        num(perSecond(total, concurrent)),
        num(concurrent.medianMs),
      ],
    ]);
    note('every request was answered with a result (an overloaded or other error would have stopped the bench)');
  } finally {
    for (const client of clients) client.close();
    await daemon.stop();
  }
}
