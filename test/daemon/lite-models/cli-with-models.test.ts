import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../daemon/cli';
import { EngineInfoSchema } from '../../../shared/protocol/messages';
import { AnalysedTextSchema } from '../../../shared/protocol/results';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const NEWS = fileURLToPath(new URL('../../fixtures/articles/news-article.html', import.meta.url));

async function loupe(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => {
      stdout += t;
    },
    stderr: (t: string) => {
      stderr += t;
    },
    stdin: new PassThrough(),
  };
  const code = await main(args, io, { LOUPE_LOG: 'quiet', LOUPE_CONFIG_DIR: '/nonexistent-loupe-config' });
  return { code, stdout, stderr };
}

describe('loupe analyze with the trained lite models', () => {
  it('reports the news article entities from the tagger and flags from the classifier', async () => {
    const { code, stdout, stderr } = await loupe(['analyze', NEWS, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const analysis = AnalysedTextSchema.parse(JSON.parse(stdout));
    const entities = analysis.entities!;
    expect(entities.provenance).toEqual({ engine: 'in-process', tier: 'lite', model: 'lite/entities@2', backend: 'cpu' });
    const named = entities.items.filter((e) => e.source === 'model');
    expect(named.map((e) => [e.type, e.text])).toEqual(
      expect.arrayContaining([
        ['PER', 'Amara Okafor'],
        ['ORG', 'Northfield University'],
      ]),
    );
    for (const e of entities.items) expect(analysis.text.slice(e.start, e.end)).toBe(e.text);
    expect(analysis.bias!.provenance.model).toBe('lite/bias@2');
    expect(analysis.bias!.flags.some((f) => f.cues.some((c) => c.text === 'slammed'))).toBe(true);
  }, 60_000);

  it('says a recipe page is a recipe and that its wording is not judged, in JSON and in the report', async () => {
    const recipe = fileURLToPath(new URL('../../fixtures/articles/recipe.html', import.meta.url));
    const json = AnalysedTextSchema.parse(JSON.parse((await loupe(['analyze', recipe, '--json'])).stdout));
    expect(json.page?.genre).toBe('recipe');
    expect(json.bias).toMatchObject({ flags: [], withheld: { reason: 'genre' } });
    const { stdout } = await loupe(['analyze', recipe, '--tasks', 'bias']);
    expect(stdout).toMatch(/Bias flags \(0, lite\/bias@2\)\n {2}This page looks like a recipe/);
  }, 60_000);

  it('names the trained models in the readable report', async () => {
    const { code, stdout } = await loupe(['analyze', NEWS, '--tasks', 'entities,bias']);
    expect(code).toBe(0);
    expect(stdout).toContain('Entities (');
    expect(stdout).toContain('lite/entities@2)');
    expect(stdout).toContain('lite/bias@2)');
  }, 60_000);
});

describe('loupe serve with the trained lite models', () => {
  it('prints the loaded lite models and lists them on GET /', async () => {
    const configDir = await mkdtemp(path.join(os.tmpdir(), 'loupe-serve-'));
    const child = spawn(process.execPath, [path.join(ROOT, 'daemon/bin/loupe.js'), 'serve'], {
      cwd: ROOT,
      env: { ...process.env, LOUPE_CONFIG_DIR: configDir, LOUPE_PORT: '0', LOUPE_LOG: 'quiet' },
    });
    try {
      let stdout = '';
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('Press Ctrl+C')) resolve();
        });
        void exited.then((code) => reject(new Error(`serve exited with ${code} before listening`)));
      });
      expect(stdout).toContain('Lite models: lite/entities@2, lite/bias@2');
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      const info = EngineInfoSchema.parse(await (await fetch(url + '/')).json());
      expect(info.models).toEqual([
        { id: 'lite/entities@2', task: 'entities', tier: 'lite' },
        { id: 'lite/bias@2', task: 'bias', tier: 'lite' },
      ]);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await rm(configDir, { recursive: true, force: true });
    }
  }, 60_000);
});
