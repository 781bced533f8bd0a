import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { loadLiteModels } from '../../daemon/lite-models/load-lite-models';
import { createMemoryLogger } from '../../daemon/logger';
import { analyzeText } from '../../shared/lite/analyze-text';
import { sendToEngine } from './helpers/engine-messages';
import { launchWithExtension } from './helpers/launch-browser';
import { CHROME_BUILD } from './helpers/paths';

const TEXT = [
  'Mayor Elena Marsh of Harbor Point slammed the disastrous seawall plan on Tuesday.',
  'Northfield University engineers said the reckless schedule would totally fail.',
  'The council will vote on the $48 million budget in March.',
].join('\n\n');

const entityKey = (e: { type: string; start: number; end: number; source: string }) => `${e.type} ${e.start}-${e.end} ${e.source}`;
const flagKey = (f: { start: number; end: number; category: string }) => `${f.category} ${f.start}-${f.end}`;

describe('the engine host in the offscreen document', () => {
  let reference: Awaited<ReturnType<typeof analyzeText>>;
  beforeAll(async () => {
    const models = await loadLiteModels({ logger: createMemoryLogger() });
    reference = await analyzeText(TEXT, { tasks: ['entities', 'bias'], engine: 'in-process', models });
    await models.release();
  });

  const backends = [
    { name: 'wasm', webgpu: false, reason: /WebGPU gave no adapter|no WebGPU/ },
    { name: 'webgpu', webgpu: true, reason: /WebGPU adapter/ },
  ] as const;

  for (const { name, webgpu, reason } of backends) {
    it(`runs the trained lite models on ${name}, finding what onnxruntime-node finds`, async () => {
      const chromium = await launchWithExtension({ webgpu });
      const hello = await sendToEngine(chromium.worker, 'hello', undefined);
      expect(hello.err).toBeUndefined();
      expect(hello.res?.lite.backend).toBe(name);
      expect(hello.res?.lite.reason).toMatch(reason);

      const reply = await sendToEngine(chromium.worker, 'analyze', {
        id: 'e2e-1',
        params: { text: TEXT, tasks: ['entities', 'bias'], tier: 'full' },
      });
      expect(reply.err).toBeUndefined();
      const { entities, bias } = reply.res!;
      expect(entities!.provenance).toEqual({ ...reference.entities!.provenance, engine: 'browser', backend: name });
      expect(bias!.provenance).toEqual({ ...reference.bias!.provenance, engine: 'browser', backend: name });
      expect(entities!.provenance.model).toMatch(/^lite\/entities@/);
      expect(entities!.items.map(entityKey)).toEqual(reference.entities!.items.map(entityKey));
      expect(bias!.flags.map(flagKey)).toEqual(reference.bias!.flags.map(flagKey));
      for (const [i, f] of bias!.flags.entries()) expect(f.score).toBeCloseTo(reference.bias!.flags[i]!.score, 3);
    });
  }

  it('tells the user how to fix a missing or corrupt bundled model, and still annotates with rules', async () => {
    const damaged = await mkdtemp(join(tmpdir(), 'loupe-damaged-'));
    onTestFinished(() => rm(damaged, { recursive: true, force: true }));
    await cp(CHROME_BUILD, damaged, { recursive: true });
    await rm(join(damaged, 'models/lite/entities/model.onnx'));
    // An HTML page is not an ONNX model.
    await writeFile(join(damaged, 'models/lite/bias/bias-classifier.onnx'), '<!doctype html><p>not a model</p>');
    const chromium = await launchWithExtension({ extensionDir: damaged });
    const reply = await sendToEngine(chromium.worker, 'analyze', {
      id: 'e2e-2',
      params: { text: TEXT, tasks: ['entities', 'bias'], tier: 'full' },
    });
    expect(reply.err).toBeUndefined();
    const { entities, bias } = reply.res!;
    expect(entities!.provenance).toMatchObject({ tier: 'lite', backend: 'rules' });
    expect(entities!.provenance.note).toMatch(/lite\/entities not loaded .*missing from the extension.*npm run build/s);
    expect(entities!.items.some((e) => e.text.includes('Elena Marsh'))).toBe(true);
    expect(bias!.provenance).toMatchObject({ tier: 'lite', backend: 'rules' });
    expect(bias!.provenance.note).toMatch(/lite\/bias not loaded .*could not be loaded.*npm run build/s);
    expect(bias!.flags.some((f) => f.text.includes('slammed'))).toBe(true);
  });
});
