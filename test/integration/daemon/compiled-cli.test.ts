import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../../build/build-cli';
import { runLoupe, type LoupeRun } from './run-loupe';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let configDir: string;
let preload: string;

// Project-written lines: prose with names, a capitals headline, German, HTML, and a broken line.
const LINES =
  [
    JSON.stringify({ id: 1, text: 'Critics slammed the plan. Mayor Daniel Reyes defended it on Tuesday in Lisbon.' }),
    JSON.stringify({ id: 2, text: 'HARBOR POINT COUNCIL VOTES TO SELL THE OLD PIER' }),
    JSON.stringify({
      id: 3,
      text: 'Die Patienten in der Klinik warten seit Wochen auf ihre Daten, sagte die Sprecherin am Dienstag in Berlin. Viele Kunden der Versicherung haben sich beschwert, weil die Antworten ausbleiben.',
    }),
    JSON.stringify({
      id: 'four',
      html: `<article><p>${'Priya Raman of Northwind Foods said the Eastside library closes at noon on Friday. '.repeat(3)}</p></article>`,
    }),
    '{"id": 5, this is not json',
    JSON.stringify({ id: 6, text: 'Shares of Northwind Foods fell 4% to $12.50 after the company cut its forecast for 2025.' }),
  ].join('\n') + '\n';

beforeAll(async () => {
  configDir = await mkdtemp(path.join(os.tmpdir(), 'loupe-compiled-cli-'));
  // Reports, as the process exits, whether onnxruntime-node was loaded (a CommonJS package: it
  // shows in the require cache however it was imported).
  preload = path.join(configDir, 'report-onnxruntime.mjs');
  await writeFile(
    preload,
    `import { createRequire } from 'node:module';
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => process.stderr.write(Object.keys(cache).some((m) => m.includes('onnxruntime-node')) ? 'onnxruntime loaded\\n' : 'onnxruntime not loaded\\n'));
`,
  );
  await buildCli();
}, 120_000);
afterAll(() => rm(configDir, { recursive: true, force: true }));

function loupe(args: string[], { stdin = '', fromSource = false } = {}): Promise<LoupeRun> {
  const env = {
    LOUPE_CONFIG_DIR: configDir,
    LOUPE_CACHE_DIR: path.join(configDir, 'cache'),
    LOUPE_LOG: 'debug',
    LOUPE_FROM_SOURCE: fromSource ? '1' : '0',
  };
  return runLoupe(args, { stdin, env, nodeArgs: ['--import', preload] });
}

describe('the compiled loupe CLI', { timeout: 120_000 }, () => {
  it('answers --jsonl exactly as the TypeScript sources do, every task, every kind of line', async () => {
    const args = ['analyze', '--jsonl', '--tasks', 'summary,entities,bias'];
    const [compiled, source] = await Promise.all([loupe(args, { stdin: LINES }), loupe(args, { stdin: LINES, fromSource: true })]);
    expect(compiled.stderr).toContain('running the compiled CLI in dist/cli');
    expect(source.stderr).toContain('running the TypeScript sources through tsx: LOUPE_FROM_SOURCE=1');
    expect(compiled.stdout).toBe(source.stdout);
    expect(compiled.code).toBe(source.code);
    const lines = compiled.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual([1, 2, 3, 'four', null, 6]);
    expect(lines[0].entities.items.map((e: { text: string }) => e.text)).toContain('Daniel Reyes');
    expect(lines[2].page.language.code).toBe('de');
    expect(compiled.code).toBe(1);
  });

  it('finds the lite models and the article extractor where the sources find them', async () => {
    const { code, stdout } = await loupe([
      'analyze',
      path.join(ROOT, 'test/fixtures/daemon/article.html'),
      '--json',
      '--tasks',
      'entities',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).entities.provenance.model).toMatch(/^lite\/entities@/u);
  });

  it('loads onnxruntime only for a command that runs a model, compiled or not', async () => {
    for (const fromSource of [false, true]) {
      const version = await loupe(['--version'], { fromSource });
      expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
      expect(version.stderr).toContain('onnxruntime not loaded');
      const help = await loupe(['help'], { fromSource });
      expect(help.stdout).toContain('analyze');
      expect(help.stderr).toContain('onnxruntime not loaded');
      const analyze = await loupe(['analyze', '--jsonl', '--tasks', 'entities'], { stdin: LINES.split('\n')[0] + '\n', fromSource });
      expect(analyze.stderr).toContain('onnxruntime loaded');
    }
  });
});
