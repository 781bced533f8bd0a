import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_MODEL_IDS } from '../../../daemon/full/full-engine';
import { SOCKET_PATH } from '../../../shared/protocol/handshake';
import { EngineInfoSchema } from '../../../shared/protocol/messages';
import { AnalysisSchema } from '../../../shared/protocol/results';
import { messageLog, openSocket, type TestDaemon } from '../daemon/test-daemon';
import { request } from './full-daemon';
import { createSyntheticModelCache, type SyntheticModelCache } from './synthetic-model-cache';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let cache: SyntheticModelCache;
let configDir: string;
let child: ChildProcess;
let stderr = '';
let url: string;
let token: string;

/** Waits until `loupe serve` has printed its address and token (it compiles TypeScript on start). */
function started(proc: ChildProcess): Promise<{ url: string; token: string }> {
  let stdout = '';
  return new Promise((resolve, reject) => {
    proc.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const address = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      const key = /^Token: (\S+)$/m.exec(stdout)?.[1];
      if (address && key) resolve({ url: address, token: key });
    });
    proc.once('exit', (code) => reject(new Error(`loupe serve exited with ${code}: ${stderr}`)));
  });
}

beforeAll(async () => {
  cache = await createSyntheticModelCache([FULL_MODEL_IDS.entities]);
  configDir = await mkdtemp(path.join(os.tmpdir(), 'loupe-serve-full-'));
  child = spawn(process.execPath, [path.join(ROOT, 'daemon/bin/loupe.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOUPE_PORT: '0',
      LOUPE_CONFIG_DIR: configDir,
      LOUPE_CACHE_DIR: cache.cacheDir,
      LOUPE_DEVICE: 'cpu',
      LOUPE_LOG: 'info',
    },
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  ({ url, token } = await started(child));
}, 120_000);
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await rm(configDir, { recursive: true, force: true });
  await cache?.close();
});

describe('loupe serve with a pulled full-tier model', { timeout: 60_000 }, () => {
  it('logs the execution provider it chose and reports it, with the installed model, on GET /', async () => {
    expect(stderr).toContain('[loupe] execution provider: cpu (LOUPE_DEVICE=cpu)');
    const info = EngineInfoSchema.parse(await (await fetch(`${url}/`)).json());
    expect(info.device).toEqual({ backend: 'cpu', reason: expect.stringMatching(/^full tier: LOUPE_DEVICE=cpu; /) });
    expect(info.models.filter((m) => m.tier === 'full')).toEqual([{ id: FULL_MODEL_IDS.entities, task: 'entities', tier: 'full' }]);
  });

  it('answers a paired socket with full-tier entities, and lite with the pull command for the summary', async () => {
    const ws = await openSocket({ server: { wsUrl: `${url.replace('http', 'ws')}${SOCKET_PATH}` }, token } as TestDaemon);
    const log = messageLog(ws);
    const text = 'Angela Merkel met Kofi Annan in Paris.';
    const { reply } = await request(ws, log, { id: 'a1', type: 'analyze', params: { text, tasks: ['entities', 'summary'], tier: 'full' } });
    ws.close();
    if (reply.type !== 'result' || reply.result.kind !== 'analysis') throw new Error(JSON.stringify(reply));
    const analysis = AnalysisSchema.parse(reply.result.analysis);
    expect(analysis.entities?.provenance).toMatchObject({ engine: 'daemon', tier: 'full', model: FULL_MODEL_IDS.entities, backend: 'cpu' });
    expect(analysis.entities?.items.map((e) => text.slice(e.start, e.end))).toEqual(['Angela Merkel', 'Kofi Annan', 'Paris']);
    expect(analysis.summary?.provenance.tier).toBe('lite');
    expect(analysis.summary?.provenance.note).toContain(`run \`loupe models pull ${FULL_MODEL_IDS.summary}\``);
  });
});
