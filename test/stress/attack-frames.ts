import WebSocket from 'ws';
import { seededRandom } from '../../models/training/seeded-random';
import { CHROME_EXTENSION_ORIGIN } from '../../shared/extension-identity';
import { LOUPE_SUBPROTOCOL, tokenSubprotocol } from '../../shared/protocol/handshake';
import { ServerMessageSchema } from '../../shared/protocol/messages';
import type { StressDaemon } from './stress-daemon';
import type { StressRow } from './stress-table';

const TEMPLATES: unknown[] = [
  { v: 1, type: 'ping' },
  { v: 1, type: 'hello', client: 'fuzz' },
  { v: 1, type: 'analyze', params: { text: 'The council voted. Critics slammed it.', tasks: ['summary', 'entities', 'bias'] } },
  { v: 1, type: 'cancel', target: 'nothing' },
];

const JUNK = [null, true, -1, 1e308, '', 'x'.repeat(300), [], {}, { nested: { deeper: [1, { a: 'b' }] } }, '\u0000\ud800', 2 ** 53];

/** One mutated frame: a template with fields removed, replaced or added, or bytes that are not JSON at all. */
function mutate(next: () => number, index: number): string | Uint8Array {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const roll = next();
  if (roll < 0.1) return Uint8Array.from({ length: Math.floor(next() * 200) }, () => Math.floor(next() * 256));
  if (roll < 0.2) return JSON.stringify(pick(TEMPLATES)).slice(0, Math.floor(next() * 60));
  const frame = structuredClone(pick(TEMPLATES)) as Record<string, unknown>;
  frame.id = next() < 0.9 ? `f${index}` : pick(JUNK);
  const keys = [...Object.keys(frame), 'params', 'v', 'type', 'extra', 'target'];
  for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
    const key = pick(keys);
    if (key === 'id') continue;
    if (next() < 0.3) delete frame[key];
    else frame[key] = pick(JUNK);
  }
  return JSON.stringify(frame);
}

/**
 * Thousands of mutated frames on one authenticated socket: every frame gets exactly one typed
 * reply (none dropped in silence), the socket stays open, and the daemon still answers a ping.
 */
export async function fuzzedFrames(daemon: StressDaemon, count: number, seed = 20250101): Promise<StressRow> {
  const ws = new WebSocket(daemon.wsUrl, [LOUPE_SUBPROTOCOL, tokenSubprotocol(daemon.token)], { origin: CHROME_EXTENSION_ORIGIN });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let replies = 0;
  let invalid = 0;
  let closed = false;
  ws.on('close', () => (closed = true));
  ws.on('message', (data) => {
    const message = ServerMessageSchema.safeParse(JSON.parse(data.toString()));
    if (!message.success) invalid++;
    else if (message.data.type !== 'progress') replies++;
  });
  const next = seededRandom(seed);
  // In windows of 4 frames: each may hold one of the connection's four in-flight places.
  for (let sent = 0; sent < count && !closed; sent += 4) {
    const target = replies + Math.min(4, count - sent);
    for (let i = sent; i < Math.min(count, sent + 4); i++) ws.send(mutate(next, i));
    const deadline = Date.now() + 10_000;
    while (replies < target && !closed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const ping = await new Promise<boolean>((resolve) => {
    if (closed) return resolve(false);
    ws.once('message', (data) => resolve(JSON.parse(data.toString()).id === 'after-fuzz'));
    ws.send(JSON.stringify({ v: 1, id: 'after-fuzz', type: 'ping' }));
  });
  ws.close();
  return {
    attack: 'fuzzed frames (mutated JSON, truncated frames, random binary)',
    tried: count,
    held: ping && !closed && invalid === 0 ? Math.min(replies, count) : 0,
    detail: `${replies} typed replies to ${count} frames (a frame may also end the request it cancels), ${Math.max(0, count - replies)} silent drops, ${invalid} replies off-schema, socket ${closed ? 'CLOSED' : 'kept open'}, ping after: ${ping ? 'answered' : 'NOT answered'}`,
    rssMiB: daemon.rssMiB(),
  };
}
