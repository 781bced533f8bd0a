import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { INPUT_LIMITS, MAX_TEXT_FRAME_BYTES } from '../../shared/limits';
import type { TextTask } from '../../shared/protocol/results';
import { connectStressClient, percentile, startPinger, type StressClient } from './stress-client';
import type { StressDaemon } from './stress-daemon';
import type { StressRow } from './stress-table';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A PNG whose header declares `width` × `height` pixels and which holds almost nothing: a decompression bomb's calling card. */
function bombPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.alloc(16)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Oversized frames and inputs, bombs and non-images: each refused at once with the code that names the problem. */
export async function oversizedInputs(daemon: StressDaemon): Promise<StressRow> {
  const client = await connectStressClient(daemon.wsUrl, daemon.token);
  const cases: Array<{ name: string; want: string; run: () => Promise<{ code: string; ms: number }> }> = [
    {
      name: 'text frame over the frame limit',
      want: 'frame-too-large',
      run: () => analyze(client, 'word '.repeat(MAX_TEXT_FRAME_BYTES / 5 + 1)),
    },
    { name: '2,000,001 characters', want: 'input-too-large', run: () => analyze(client, 'x'.repeat(INPUT_LIMITS.maxTextChars + 1)) },
    { name: '20,001 sentences', want: 'input-too-large', run: () => analyze(client, 'Short one. '.repeat(INPUT_LIMITS.maxSentences + 1)) },
    {
      name: 'image of 16 MiB + 1 byte',
      want: 'input-too-large',
      run: () => image(client, new Uint8Array(8), INPUT_LIMITS.maxImageBytes + 1),
    },
    { name: 'PNG declaring 100,000 × 100,000 pixels', want: 'bad-input', run: () => image(client, bombPng(100_000, 100_000)) },
    {
      name: 'bytes that are not an image',
      want: 'bad-input',
      run: () => image(client, new TextEncoder().encode('<svg onload="alert(1)"/>')),
    },
  ];
  const outcomes: string[] = [];
  const times: number[] = [];
  let held = 0;
  for (const c of cases) {
    const { code, ms } = await c.run();
    times.push(ms);
    if (code === c.want) held++;
    outcomes.push(`${c.name} → ${code}`);
  }
  const exact = new Uint8Array(INPUT_LIMITS.maxImageBytes);
  exact.set(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer(),
  );
  const { code } = await image(client, exact);
  if (code === 'ok') held++;
  outcomes.push(`image of exactly 16 MiB → ${code}`);
  client.close();
  return {
    attack: 'oversized inputs and bombs',
    tried: cases.length + 1,
    held,
    detail: outcomes.join('; '),
    p95Ms: percentile(times, 95),
    rssMiB: daemon.rssMiB(),
  };
}

async function analyze(client: StressClient, text: string): Promise<{ code: string; ms: number }> {
  const { reply, ms } = await client.request({ type: 'analyze', params: { text, tasks: ['summary'], tier: 'lite' } });
  return { code: reply.type === 'error' ? reply.error.code : 'ok', ms };
}

async function image(client: StressClient, bytes: Uint8Array, byteLength = bytes.length): Promise<{ code: string; ms: number }> {
  const { reply, ms } = await client.requestWithBinary(
    { type: 'describe-image', params: { context: [], byteLength, tier: 'lite' } },
    bytes,
  );
  return { code: reply.type === 'error' ? reply.error.code : 'ok', ms };
}

/**
 * A 2,000,000-character request while another client pings every 25 ms from its own thread: the
 * pings' latency is what every other user of the daemon would feel. Three pages: short sentences (over the
 * sentence limit: refused), long ones (analysed: entities and bias) and a table of figures with
 * no full stop (entities: 140,000 dates, sums and percentages).
 */
export async function twoMillionCharacters(daemon: StressDaemon): Promise<StressRow[]> {
  const pages: Array<{ name: string; tasks: TextTask[]; text: string }> = [
    { name: 'short sentences, summary', tasks: ['summary'], text: 'The vote passed. '.repeat(Math.floor(INPUT_LIMITS.maxTextChars / 17)) },
    { name: 'long sentences, entities + bias', tasks: ['entities', 'bias'], text: longSentences(INPUT_LIMITS.maxTextChars) },
    { name: 'a table of figures, entities', tasks: ['entities'], text: tableOfFigures(INPUT_LIMITS.maxTextChars) },
  ];
  const rows: StressRow[] = [];
  for (const page of pages) {
    const big = await connectStressClient(daemon.wsUrl, daemon.token);
    const pinger = await startPinger(daemon.wsUrl, daemon.token);
    const { reply, ms } = await big.request({ type: 'analyze', params: { text: page.text, tasks: page.tasks, tier: 'lite' } }, 180_000);
    const pings = await pinger.stop();
    big.close();
    const outcome = reply.type === 'error' ? `${reply.error.code}: ${reply.error.message.slice(0, 90)}` : 'analysed';
    const worst = Math.max(...pings);
    rows.push({
      attack: `2,000,000 characters (${page.name})`,
      tried: pings.length,
      held: pings.filter((p) => p < 200).length,
      detail: `${outcome} in ${(ms / 1000).toFixed(1)} s; another client's ${pings.length} pings meanwhile: max ${worst.toFixed(1)} ms (held = answered within 200 ms)`,
      p95Ms: percentile(pings, 95),
      rssMiB: daemon.rssMiB(),
    });
  }
  return rows;
}

function longSentences(chars: number): string {
  const sentence =
    'Mayor Sofia Marques told reporters in Glasgow on Monday that the council would review the outrageous harbour plan again. ';
  return sentence.repeat(Math.floor(chars / sentence.length));
}

/** Rows of a table pasted as text: dates, money, percentages and times, and no sentence ending. */
function tableOfFigures(chars: number): string {
  const row = 'On 12 March 2024 the fund paid $5 million, up 10% on 2023, at 9:30 am; ';
  return row.repeat(Math.floor(chars / row.length));
}

/** `loupe analyze` of a 5 MB text file: refused or analysed, in how long, naming which limit. */
export async function cliFiveMegabytes(dir: string): Promise<StressRow> {
  const file = path.join(dir, 'five-megabytes.txt');
  await writeFile(file, 'The council met on Tuesday and the vote passed after a long debate. '.repeat(74_000));
  const began = performance.now();
  const result = await promisify(execFile)(process.execPath, [path.join(ROOT, 'daemon/bin/loupe.js'), 'analyze', file], {
    cwd: ROOT,
    env: { ...process.env, LOUPE_LOG: 'quiet' },
  }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code?: number; stderr?: string }) => ({ code: error.code ?? -1, stderr: error.stderr ?? '' }),
  );
  const seconds = (performance.now() - began) / 1000;
  const named = /character limit/.test(result.stderr);
  return {
    attack: '`loupe analyze` of a 5 MB text file',
    tried: 1,
    held: result.code === 1 && named ? 1 : 0,
    detail: `exit ${result.code} after ${seconds.toFixed(1)} s (process start included): ${result.stderr
      .trim()
      .replace(/^loupe: /, '')
      .slice(0, 110)}`,
  };
}
