import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LITE_MODELS_DIR } from '../../../daemon/lite-models/load-lite-models';
import { createOrtNodeRunner } from '../../../daemon/lite-models/ort-node-runner';
import type { Tensor } from '../../../shared/lite/tensor-runner';
import { rejection } from './lite-model-dir';

const ENTITY_ONNX = path.join(DEFAULT_LITE_MODELS_DIR, 'entities', 'model.onnx');
const FEATURES = 34;
const LABELS = 9;

/** `tokens` rows of hashed feature ids, as the entity tagger feeds its graph. */
function features(tokens: number, salt: number): Record<string, Tensor> {
  const data = new BigInt64Array(tokens * FEATURES).map((_, i) => BigInt((i * 7919 + salt * 104729) % 262_144));
  return { feature_ids: { type: 'int64', data, dims: [tokens, FEATURES] } };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'loupe-runner-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('createOrtNodeRunner', () => {
  it('runs a lite model by its versioned id and returns its float32 emissions', async () => {
    const runner = createOrtNodeRunner({ models: { 'lite/entities': ENTITY_ONNX } });
    try {
      const outputs = await runner.run('lite/entities@1', features(5, 1));
      const [emissions] = Object.values(outputs);
      expect(runner.backend).toBe('cpu');
      expect(emissions?.type).toBe('float32');
      expect(emissions?.dims).toEqual([5, LABELS]);
    } finally {
      await runner.release();
    }
  });

  it('gives concurrent callers the same answers they get one at a time', async () => {
    const runner = createOrtNodeRunner({ models: { 'lite/entities': ENTITY_ONNX } });
    try {
      const inputs = Array.from({ length: 6 }, (_, i) => features(3 + i, i));
      const sequential: Tensor[] = [];
      for (const feeds of inputs) sequential.push(Object.values(await runner.run('lite/entities', feeds))[0]!);
      const concurrent = await Promise.all(inputs.map(async (feeds) => Object.values(await runner.run('lite/entities', feeds))[0]!));
      expect(concurrent.map((t) => [...t.data])).toEqual(sequential.map((t) => [...t.data]));
    } finally {
      await runner.release();
    }
  });

  it('says model-missing with the path and the fix, and picks the file up once it is restored', async () => {
    const target = path.join(dir, 'restored.onnx');
    const runner = createOrtNodeRunner({ models: { 'lite/entities': target } });
    const error = await rejection(runner.run('lite/entities', features(2, 0)));
    expect(error.code).toBe('model-missing');
    expect(error.message).toContain(target);
    expect(error.message).toContain('git checkout models/lite/entities');
    await copyFile(ENTITY_ONNX, target);
    const outputs = await runner.run('lite/entities', features(2, 0));
    expect(Object.values(outputs)[0]?.dims).toEqual([2, LABELS]);
    await runner.release();
  });

  it('says model-corrupt, naming the fix it was given, for a file onnxruntime cannot open', async () => {
    const garbage = path.join(dir, 'garbage.onnx');
    await writeFile(garbage, 'this is not an ONNX graph');
    const runner = createOrtNodeRunner({ models: { 'lite/ocr:det': garbage }, fixFor: () => 'run `npm install`' });
    const error = await rejection(runner.load('lite/ocr:det'));
    expect(error.code).toBe('model-corrupt');
    expect(error.message).toContain(garbage);
    expect(error.message).toContain('run `npm install`');
  });

  it('rejects a model it was not given, listing the ones it serves', async () => {
    const runner = createOrtNodeRunner({ models: { 'lite/entities': ENTITY_ONNX } });
    const error = await rejection(runner.run('lite/summary', features(1, 0)));
    expect(error.code).toBe('internal');
    expect(error.message).toContain('lite/entities');
  });
});
