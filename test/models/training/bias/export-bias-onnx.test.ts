import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBiasOnnx } from '../../../../models/training/bias/export-bias-onnx';
import { createOrtBiasRunner } from '../../../../models/training/bias/ort-bias-runner';

function runnerFor(weights: number[], bias: number) {
  const path = join(mkdtempSync(join(tmpdir(), 'loupe-bias-onnx-')), 'model.onnx');
  writeFileSync(path, buildBiasOnnx(Float32Array.from(weights), bias));
  return createOrtBiasRunner('lite/bias@test', path);
}

describe('buildBiasOnnx', () => {
  it('returns per-feature contributions [sentences, features] and one probability per sentence', async () => {
    const runner = runnerFor([0.5, -1, 2], 0.25);
    const padId = 3n; // one past the last weight: the all-zero pad row
    const out = await runner.run('lite/bias@test', {
      feature_ids: { type: 'int64', data: BigInt64Array.of(0n, 2n, 1n, padId), dims: [2, 2] },
      feature_values: { type: 'float32', data: Float32Array.of(1, 0.5, 2, 0), dims: [2, 2] },
    });
    expect(out.contributions?.dims).toEqual([2, 2]);
    expect(out.probability?.dims).toEqual([2]);
    expect([...(out.contributions?.data ?? [])]).toEqual([0.5, 1, -2, 0]);
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    const probability = [...(out.probability?.data ?? [])] as number[];
    expect(probability[0]).toBeCloseTo(sigmoid(0.5 + 1 + 0.25), 6);
    expect(probability[1]).toBeCloseTo(sigmoid(-2 + 0.25), 6);
  });

  it('refuses a model id it does not hold, naming both', async () => {
    const runner = runnerFor([1], 0);
    await expect(runner.run('lite/other', {})).rejects.toThrow(/lite\/bias@test.*lite\/other|lite\/other.*lite\/bias@test/);
  });
});
