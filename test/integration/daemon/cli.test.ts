import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysedTextSchema } from '../../../shared/protocol/results';
import { runLoupe, type LoupeRun } from './run-loupe';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ARTICLE = path.join(ROOT, 'test/fixtures/daemon/article.html');
let configDir: string;

beforeAll(async () => {
  configDir = await mkdtemp(path.join(os.tmpdir(), 'loupe-cli-'));
});
afterAll(() => rm(configDir, { recursive: true, force: true }));

function loupe(args: string[], stdin = ''): Promise<LoupeRun> {
  return runLoupe(args, {
    stdin,
    env: { LOUPE_CONFIG_DIR: configDir, LOUPE_CACHE_DIR: path.join(configDir, 'cache'), LOUPE_LOG: 'quiet' },
  });
}

// Each case spawns fresh Node processes that compile TypeScript on start; on a busy 2-core
// machine that alone can take several seconds, hence the generous ceiling.
describe('loupe CLI', { timeout: 90_000 }, () => {
  it('analyze --json prints one Analysis of the article whose spans slice its text', async () => {
    const { code, stdout } = await loupe(['analyze', ARTICLE, '--json']);
    expect(code).toBe(0);
    const analysis = AnalysedTextSchema.parse(JSON.parse(stdout));
    expect(analysis.text).toContain('Harbor Point redevelopment plan');
    expect(analysis.text).not.toContain('Sign in');
    const spans = [...analysis.summary!.sentences, ...analysis.entities!.items, ...analysis.bias!.flags];
    for (const span of spans) expect(analysis.text.slice(span.start, span.end)).toBe(span.text);
    expect(analysis.summary!.provenance.engine).toBe('in-process');
  });

  it('analyze prints a readable report with the title, summary, entities and flags', async () => {
    const { code, stdout } = await loupe(['analyze', ARTICLE, '--tasks', 'summary,entities,bias']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Harbor Point/);
    expect(stdout).toMatch(/Summary \(/);
    expect(stdout).toMatch(/PER \(\d+\): .*Daniel Reyes/);
    expect(stdout).toMatch(/\[loaded-language\][\s\S]*cues: .*slammed/);
  });

  it('analyze refuses a 5 MB file, naming the character limit and the fix', async () => {
    const file = path.join(configDir, 'five-megabytes.txt');
    await writeFile(file, 'The council met on Tuesday and the vote passed after a long debate. '.repeat(74_000));
    const { code, stdout, stderr } = await loupe(['analyze', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain("input-too-large: The text is 5,032,000 characters, over Loupe's 2,000,000-character limit; split the file");
  });

  it('analyze --jsonl answers every line in order, an error line for the bad one', async () => {
    const input = [
      JSON.stringify({ id: 'first', text: 'Critics slammed the plan. Mayor Daniel Reyes defended it on Tuesday.' }),
      '{"id": "broken", this is not json',
      JSON.stringify({
        id: 3,
        html:
          '<article><p>' +
          'The Eastside library closes at noon on Friday for staff training, and loans are extended. '.repeat(3) +
          '</p></article>',
      }),
    ].join('\n');
    const { code, stdout } = await loupe(['analyze', '--jsonl', '--tasks', 'entities'], input + '\n');
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id)).toEqual(['first', null, 3]);
    expect(lines[0].entities.items.map((e: { text: string }) => e.text)).toContain('Daniel Reyes');
    expect(lines[0].summary).toBeUndefined();
    expect(lines[1].error.code).toBe('bad-frame');
    expect(lines[2].text).toContain('Eastside library');
    expect(code).toBe(1);
  });

  it('token prints the same token twice, and --rotate a new one', async () => {
    const first = await loupe(['token']);
    const second = await loupe(['token']);
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.stdout).toBe(first.stdout);
    const rotated = await loupe(['token', '--rotate']);
    expect(rotated.stdout.trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.stdout.trim()).not.toBe(first.stdout.trim());
  });

  it('exits 2 with the usage line for an unknown command or flag', async () => {
    const command = await loupe(['frobnicate']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('Unknown command "frobnicate"');
    const flag = await loupe(['analyze', ARTICLE, '--jsn']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('Usage: loupe analyze');
  });

  it('exits 2 naming the variable when a setting is invalid', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'daemon/bin/loupe.js'), 'token'], {
      cwd: ROOT,
      env: { ...process.env, LOUPE_DEVICE: 'tpu' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('LOUPE_DEVICE="tpu" is not valid. Use one of: auto, cpu, cuda, webgpu.');
  });

  it('serve prints the address, socket and token, answers GET /, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'daemon/bin/loupe.js'), 'serve'], {
      cwd: ROOT,
      env: { ...process.env, LOUPE_CONFIG_DIR: configDir, LOUPE_PORT: '0', LOUPE_LOG: 'quiet' },
    });
    let stdout = '';
    const ready = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('Press Ctrl+C')) resolve();
      }),
    );
    const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    await ready;
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    expect(stdout).toMatch(/WebSocket: ws:\/\/127\.0\.0\.1:\d+\/ws/);
    expect(stdout).toContain(`Token: ${(await loupe(['token'])).stdout.trim()}`);
    expect(stdout).toContain('chrome-mv3');
    expect(await (await fetch(url + '/')).json()).toMatchObject({ name: 'loupe' });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('reaches the model store through `loupe models list`', async () => {
    const { code, stdout } = await loupe(['models', 'list']);
    expect(code).toBe(0);
    expect(stdout).toContain('Xenova/distilbart-cnn-6-6');
  });

  it('prints its version and help', async () => {
    expect((await loupe(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = await loupe(['help', 'pair']);
    expect(help.stdout).toContain('loupe pair --origin <moz-extension://uuid>');
  });
});
