import net from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket from 'ws';
import { CHROME_EXTENSION_ORIGIN } from '../../shared/extension-identity';
import { LOUPE_SUBPROTOCOL, tokenSubprotocol } from '../../shared/protocol/handshake';
import { connectStressClient, percentile } from './stress-client';
import { startTestDaemon } from '../integration/daemon/test-daemon';
import type { StressDaemon } from './stress-daemon';
import type { StressRow } from './stress-table';

interface Attempt {
  origin?: string;
  token?: string | null;
  host?: string;
  path?: string;
  protocols?: string[];
}

/** Opens an upgrade the way a hostile local process or page would; resolves with the HTTP status (101 when accepted). */
function tryUpgrade(daemon: { port: number; token: string }, attempt: Attempt): Promise<number> {
  const protocols = attempt.protocols ?? [
    LOUPE_SUBPROTOCOL,
    ...(attempt.token === null ? [] : [tokenSubprotocol(attempt.token ?? daemon.token)]),
  ];
  const ws = new WebSocket(`ws://127.0.0.1:${daemon.port}${attempt.path ?? '/ws'}`, protocols, {
    ...(attempt.origin === undefined ? {} : { origin: attempt.origin }),
    headers: attempt.host ? { host: attempt.host } : {},
  });
  return new Promise((resolve) => {
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    ws.once('error', () => resolve(0));
  });
}

const HOSTILE: Attempt[] = [
  { origin: 'http://evil.example', token: null },
  { origin: 'http://127.0.0.1:8080', token: 'x'.repeat(43) },
  { origin: 'null', token: null },
  { origin: CHROME_EXTENSION_ORIGIN, token: 'forged-token' },
  { origin: CHROME_EXTENSION_ORIGIN, token: null },
  { origin: CHROME_EXTENSION_ORIGIN, host: 'evil.com:7341' },
  { origin: CHROME_EXTENSION_ORIGIN, path: '/not-the-socket' },
  { origin: CHROME_EXTENSION_ORIGIN, protocols: ['loupe.token.x'] },
  { origin: 'http://evil.example/' + 'x'.repeat(7000), token: 'y' },
];

/** Hostile upgrades interleaved with the real extension's: every hostile one refused, every real one accepted at once. */
export async function hostileUpgrades(daemon: StressDaemon, rounds: number): Promise<StressRow> {
  let refused = 0;
  let tried = 0;
  const ownerMs: number[] = [];
  let ownerAccepted = 0;
  for (let round = 0; round < rounds; round++) {
    const statuses = await Promise.all(HOSTILE.map((attempt) => tryUpgrade(daemon, attempt)));
    tried += statuses.length;
    refused += statuses.filter((s) => s !== 101).length;
    const began = performance.now();
    if ((await tryUpgrade(daemon, { origin: CHROME_EXTENSION_ORIGIN })) === 101) ownerAccepted++;
    ownerMs.push(performance.now() - began);
  }
  return {
    attack: 'hostile upgrades (wrong/no token, forged extension Origin, web and null origins, rebound Host, bad path, 7 kB headers)',
    tried,
    held: ownerAccepted === rounds ? refused : 0,
    detail: `all refused before upgrade; the real extension (right token) accepted ${ownerAccepted}/${rounds} times in between, p95 connect below`,
    p95Ms: percentile(ownerMs, 95),
    rssMiB: daemon.rssMiB(),
  };
}

/** 10,000 wrong-token attempts from one-off origins: memory and log stay bounded, the owner still gets in. */
export async function oneOffOrigins(daemon: StressDaemon, count: number): Promise<StressRow> {
  const flood = async (from: number, to: number) => {
    let refused = 0;
    for (let i = from; i < to; i += 50) {
      const batch = Array.from({ length: Math.min(50, to - i) }, (_, j) =>
        tryUpgrade(daemon, { origin: `http://one-off-${i + j}.example`, token: `guess-${i + j}` }),
      );
      refused += (await Promise.all(batch)).filter((s) => s !== 101).length;
    }
    return refused;
  };
  const rss = [daemon.rssMiB()];
  const logBefore = daemon.logBytes();
  // Two halves: memory that grew with the number of origins would grow again in the second.
  let refused = await flood(0, count / 2);
  rss.push(daemon.rssMiB());
  refused += await flood(count / 2, count);
  rss.push(daemon.rssMiB());
  const owner = await tryUpgrade(daemon, { origin: CHROME_EXTENSION_ORIGIN });
  const logGrowth = daemon.logBytes() - logBefore;
  const delta = (a: number, b: number) => `${b - a >= 0 ? '+' : ''}${(b - a).toFixed(1)}`;
  return {
    attack: `${count.toLocaleString('en')} one-off origins with wrong tokens`,
    tried: count,
    held: owner === 101 ? refused : 0,
    detail: `RSS ${delta(rss[0]!, rss[1]!)} MiB over the first half, ${delta(rss[1]!, rss[2]!)} MiB over the second; log +${(logGrowth / 1024).toFixed(1)} KiB in all; the owner connected after it`,
    rssMiB: daemon.rssMiB(),
  };
}

/** Half-open connections (headers never finished, or no byte at all): capped and timed out; the owner still gets in. */
export async function halfOpen(daemon: StressDaemon, count: number): Promise<StressRow> {
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      (_, i) =>
        new Promise<net.Socket>((resolve) => {
          const socket = net.connect(daemon.port, '127.0.0.1', () => {
            if (i % 2) socket.write('GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\n');
            resolve(socket);
          });
          socket.on('error', () => undefined);
          socket.resume();
        }),
    ),
  );
  const began = performance.now();
  const owner = await connectStressClient(daemon.wsUrl, daemon.token).then(
    (c) => {
      c.close();
      return true;
    },
    () => false,
  );
  const ownerMs = performance.now() - began;
  await new Promise((resolve) => setTimeout(resolve, 200));
  const dropped = sockets.filter((s) => s.destroyed || s.readableEnded).length;
  for (const s of sockets) s.destroy();
  return {
    attack: `${count} half-open connections held at once`,
    tried: count,
    held: owner ? count : 0,
    detail: `${dropped} dropped at once (pending cap 64, oldest first), the rest at the 10 s request timeout; the owner connected in ${ownerMs.toFixed(0)} ms`,
    rssMiB: daemon.rssMiB(),
  };
}

/** A full garbage collection, so heap figures count live objects only. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * The same flood against the server run in this process, where the heap can be measured after
 * a full collection: what the gate keeps per one-off origin, without the allocator's slack that
 * the daemon's RSS includes.
 */
export async function oneOffOriginsHeap(count: number): Promise<StressRow> {
  const daemon = await startTestDaemon();
  const target = { port: daemon.server.port, token: daemon.token };
  try {
    const heap = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed / 1024 ** 2;
    };
    await tryUpgrade(target, { origin: 'http://warm-up.example', token: 'x' });
    const before = heap();
    let refused = 0;
    for (let i = 0; i < count; i += 50) {
      refused += (
        await Promise.all(
          Array.from({ length: Math.min(50, count - i) }, (_, j) =>
            tryUpgrade(target, { origin: `http://heap-${i + j}.example`, token: 'x' }),
          ),
        )
      ).filter((s) => s !== 101).length;
    }
    const growth = heap() - before;
    return {
      attack: `${count.toLocaleString('en')} one-off origins, server in-process (heap after a full GC)`,
      tried: count,
      held: refused === count && growth < 5 ? refused : 0,
      detail: `heap ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MiB after the flood (held: refused, and under 5 MiB kept)`,
    };
  } finally {
    await daemon.stop();
  }
}
