import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineInfo } from '../../../daemon/engine-info';
import { createLiteEngine } from '../../../daemon/lite-engine';
import { loadLiteModels, type LoadedLiteModels } from '../../../daemon/lite-models/load-lite-models';
import { createMemoryLogger } from '../../../daemon/logger';
import { EngineInfoSchema } from '../../../shared/protocol/messages';
import { LoupeError } from '../../../shared/protocol/errors';
import { copyLiteModels, rejection } from './lite-model-dir';

const TEXT =
  'Amara Okafor, an engineer at Northfield University, said the seawall in Harbor Point was approved on Tuesday. ' +
  'Critics slammed the reckless, shameless plan as a disaster for every single family.';
const signal = () => ({ signal: new AbortController().signal, onProgress: () => {} });

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function load(modelsDir?: string): Promise<{ lite: LoadedLiteModels; logs: string[] }> {
  const logger = createMemoryLogger();
  const lite = await loadLiteModels({ logger, ...(modelsDir ? { modelsDir } : {}) });
  cleanups.push(() => lite.release());
  return { lite, logs: logger.lines };
}

async function tempModels(): Promise<string> {
  const copy = await copyLiteModels();
  cleanups.push(copy.remove);
  return copy.dir;
}

describe('loadLiteModels on the committed models', () => {
  it('loads the entity tagger and the bias classifier and lists them for GET / and hello', async () => {
    const { lite } = await load();
    expect(lite.unavailable).toEqual({});
    expect(lite.info).toEqual([
      { id: 'lite/entities@2', task: 'entities', tier: 'lite' },
      { id: 'lite/bias@2', task: 'bias', tier: 'lite' },
    ]);
    const info = EngineInfoSchema.parse(createEngineInfo({ device: 'auto' }, lite.info, Object.values(lite.unavailable)));
    expect(info.device.reason).toBe('LOUPE_DEVICE=auto: lite pipelines run on the CPU');
  });

  it('tags people and organisations with the trained model and flags loaded language with the classifier', async () => {
    const { lite } = await load();
    const analysis = await createLiteEngine('daemon', lite).analyze({ text: TEXT, tasks: ['entities', 'bias'], tier: 'lite' }, signal());
    const named = analysis.entities!.items.filter((e) => e.source === 'model');
    expect(named.map((e) => [e.type, e.text])).toEqual(
      expect.arrayContaining([
        ['PER', 'Amara Okafor'],
        ['ORG', 'Northfield University'],
      ]),
    );
    expect(analysis.entities!.provenance).toEqual({ engine: 'daemon', tier: 'lite', model: 'lite/entities@2', backend: 'cpu' });
    expect(analysis.bias!.provenance).toEqual({ engine: 'daemon', tier: 'lite', model: 'lite/bias@2', backend: 'cpu' });
    const flag = analysis.bias!.flags.find((f) => f.text.startsWith('Critics slammed'));
    expect(flag?.cues.map((c) => c.text)).toContain('slammed');
  });
});

describe('loadLiteModels on a damaged models folder', () => {
  it('refuses a model.onnx whose bytes differ from the catalogue, naming the file and the fix', async () => {
    const dir = await tempModels();
    const onnx = path.join(dir, 'entities', 'model.onnx');
    const bytes = await readFile(onnx);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    await writeFile(onnx, bytes);
    const error = await rejection(load(dir));
    expect(error).toBeInstanceOf(LoupeError);
    expect(error.code).toBe('model-corrupt');
    expect(error.message).toContain(onnx);
    expect(error.message).toContain('git checkout models/lite/entities');
    expect(error.message).toContain('npm run train -- entities');
  });

  it('refuses a truncated bias config the same way', async () => {
    const dir = await tempModels();
    await writeFile(path.join(dir, 'bias', 'classifier-config.json'), '{"modelId":');
    const error = await rejection(load(dir));
    expect(error.code).toBe('model-corrupt');
    expect(error.message).toContain('npm run train -- bias');
  });

  it('falls back to the bias rules when the bias model is missing, and says why in provenance, GET / and the log', async () => {
    const dir = await tempModels();
    await rm(path.join(dir, 'bias', 'bias-classifier.onnx'));
    const { lite, logs } = await load(dir);
    expect(lite.bias).toBeUndefined();
    expect(lite.info.map((m) => m.id)).toEqual(['lite/entities@2']);
    expect(lite.unavailable.bias).toContain('bias-classifier.onnx is missing');
    expect(lite.unavailable.bias).toContain('git checkout models/lite/bias');
    expect(logs.some((line) => line.includes('warn') && line.includes('bias-classifier.onnx is missing'))).toBe(true);

    const analysis = await createLiteEngine('daemon', lite).analyze({ text: TEXT, tasks: ['entities', 'bias'], tier: 'lite' }, signal());
    expect(analysis.bias!.provenance).toMatchObject({ model: 'lite/bias-rules@1', backend: 'rules', note: lite.unavailable.bias });
    expect(analysis.bias!.flags.some((f) => f.cues.some((c) => c.text === 'slammed'))).toBe(true);
    expect(analysis.entities!.provenance.model).toBe('lite/entities@2');
    expect(analysis.entities!.provenance.note).toBeUndefined();

    const info = EngineInfoSchema.parse(createEngineInfo({ device: 'auto' }, lite.info, Object.values(lite.unavailable)));
    expect(info.device.reason).toContain('lite/bias not loaded');
  });

  it('keeps both notes when a full-tier request is served by lite without its bias model', async () => {
    const dir = await tempModels();
    await rm(path.join(dir, 'bias'), { recursive: true });
    const { lite } = await load(dir);
    const analysis = await createLiteEngine('daemon', lite).analyze({ text: TEXT, tasks: ['bias'], tier: 'full' }, signal());
    expect(analysis.bias!.provenance.note).toMatch(/^full tier not loaded.*; lite\/bias not loaded/);
  });
});
