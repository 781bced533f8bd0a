import { INPUT_LIMITS } from '../../shared/limits';
import type { ClientBody } from '../../shared/protocol/rpc-client';
import { newsArticleText } from '../bench/bench-corpus';
import { connectStressClient, percentile, type StressClient } from './stress-client';
import type { StressDaemon } from './stress-daemon';
import type { StressRow } from './stress-table';

const article = (): ClientBody => ({
  type: 'analyze',
  params: { text: newsArticleText(), tasks: ['summary', 'entities', 'bias'], tier: 'lite' },
});

async function clients(daemon: StressDaemon, count: number): Promise<StressClient[]> {
  return Promise.all(Array.from({ length: count }, () => connectStressClient(daemon.wsUrl, daemon.token)));
}

/** `clients` clients each with `perClient` article analyses in flight: every one answered (overloaded ones retried after their hint). */
export async function manyClients(daemon: StressDaemon, count: number, perClient: number): Promise<StressRow> {
  const all = await clients(daemon, count);
  const began = performance.now();
  const results = await Promise.all(all.flatMap((c) => Array.from({ length: perClient }, () => c.requestWithRetry(article()))));
  const seconds = (performance.now() - began) / 1000;
  for (const c of all) c.close();
  const answered = results.filter((r) => r.reply.type === 'result').length;
  const retried = results.filter((r) => r.retries > 0).length;
  const accepted = results.map((r) => r.lastMs);
  return {
    attack: `${count} clients × ${perClient} article analyses in flight`,
    tried: results.length,
    held: answered,
    detail: `${(results.length / seconds).toFixed(1)} analyses/s; ${retried} told \`overloaded\` first and retried after the hint; p95 end to end (retries included) below, p50 ${percentile(
      results.map((r) => r.ms),
      50,
    ).toFixed(0)} ms; once accepted, p95 ${percentile(accepted, 95).toFixed(0)} ms`,
    p95Ms: percentile(
      results.map((r) => r.ms),
      95,
    ),
    rssMiB: daemon.rssMiB(),
  };
}

/** A burst of work and pings in the same instant: pings are never queued behind work. */
export async function burst(daemon: StressDaemon, count: number): Promise<StressRow> {
  const all = await clients(daemon, 32);
  const work = all.flatMap((c) => Array.from({ length: 4 }, () => c.request(article())));
  const pings = await Promise.all(Array.from({ length: count }, (_, i) => all[i % all.length]!.ping()));
  const replies = await Promise.all(work);
  for (const c of all) c.close();
  const overloaded = replies.filter((r) => r.reply.type === 'error' && r.reply.error.code === 'overloaded');
  const hinted = overloaded.every((r) => r.reply.type === 'error' && (r.reply.error.retryAfterMs ?? 0) > 0);
  return {
    attack: `burst: ${work.length} analyses + ${count} pings at once from 32 clients`,
    tried: count + work.length,
    held:
      pings.length +
      replies.filter((r) => r.reply.type === 'result' || (r.reply.type === 'error' && r.reply.error.code === 'overloaded' && hinted))
        .length,
    detail: `every ping answered (p95 below); ${overloaded.length} analyses told \`overloaded\`${hinted ? ' with a retry hint' : ' WITHOUT a hint'}, the rest analysed`,
    p95Ms: percentile(pings, 95),
    rssMiB: daemon.rssMiB(),
  };
}

/** Cancels of long analyses: answered at once, and the worker is free for the next request. */
export async function cancels(daemon: StressDaemon, count: number): Promise<StressRow> {
  const client = await connectStressClient(daemon.wsUrl, daemon.token);
  const sentence = 'Mayor Sofia Marques told reporters in Glasgow on Monday that the council would review the harbour plan. ';
  const long = sentence.repeat(Math.floor(INPUT_LIMITS.maxTextChars / sentence.length));
  const cancelMs: number[] = [];
  const nextMs: number[] = [];
  let held = 0;
  for (let i = 0; i < count; i++) {
    const id = `long-${i}-${Date.now()}`;
    const started = new Promise<void>((resolve) => {
      const onMessage = (data: Buffer) => {
        if (JSON.parse(data.toString()).id !== id) return;
        client.ws.off('message', onMessage);
        resolve();
      };
      client.ws.on('message', onMessage);
    });
    client.ws.send(JSON.stringify({ v: 1, id, type: 'analyze', params: { text: long, tasks: ['entities', 'bias'] } }));
    await started;
    const { reply, ms } = await client.request({ type: 'cancel', target: id });
    cancelMs.push(ms);
    const next = await client.request({ type: 'analyze', params: { text: 'A short note. It is done.', tasks: ['summary'], tier: 'lite' } });
    nextMs.push(next.ms);
    if (reply.type === 'result' && next.reply.type === 'result') held++;
  }
  client.close();
  return {
    attack: 'cancel of a long analysis (worker busy in synchronous code)',
    tried: count,
    held,
    detail: `cancel answered in p95 ${percentile(cancelMs, 95).toFixed(1)} ms (below); the next request answered in p95 ${percentile(nextMs, 95).toFixed(0)} ms (a fresh worker)`,
    p95Ms: percentile(cancelMs, 95),
    rssMiB: daemon.rssMiB(),
  };
}

/** Steady mixed traffic for `seconds`: memory and latency at the end as at the start. */
export async function soak(daemon: StressDaemon, seconds: number): Promise<StressRow> {
  const all = await clients(daemon, 8);
  const rssStart = daemon.rssMiB();
  const until = Date.now() + seconds * 1000;
  const pings: number[] = [];
  const analyses: number[] = [];
  let failed = 0;
  await Promise.all(
    all.map(async (c, i) => {
      while (Date.now() < until) {
        if (i % 2) {
          const { reply, ms } = await c.requestWithRetry(article());
          if (reply.type !== 'result') failed++;
          analyses.push(ms);
        } else {
          pings.push(await c.ping());
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
    }),
  );
  for (const c of all) c.close();
  return {
    attack: `soak: 8 clients for ${seconds} s (4 analysing articles, 4 pinging every 10 ms)`,
    tried: analyses.length + pings.length,
    held: analyses.length + pings.length - failed,
    detail: `${analyses.length} analyses (p95 ${percentile(analyses, 95).toFixed(0)} ms), ${pings.length} pings (p95 below); RSS ${rssStart.toFixed(0)} → ${daemon.rssMiB().toFixed(0)} MiB`,
    p95Ms: percentile(pings, 95),
    rssMiB: daemon.rssMiB(),
  };
}
