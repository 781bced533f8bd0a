import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emissionsOf } from '../../../../models/training/entities/averaged-perceptron';
import { buildEmissionGraph, quantiseRows } from '../../../../models/training/entities/export-onnx';
import { createOrtNodeRunner } from '../../../../models/training/entities/ort-node-runner';

const dir = mkdtempSync(join(tmpdir(), 'loupe-entities-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the exported emission graph', () => {
  it('sums the gathered rows of every feature, as training does, within int8 precision', async () => {
    const rows = 6; // row 5 is the pad row
    const labels = 3;
    const table = Float32Array.from([0.5, -1, 2, 10, 0, -10, 0.01, 0.02, -0.03, 3, 3, 3, -7, 1, 0, 0, 0, 0]);
    const quantised = quantiseRows(table, rows, labels);
    const path = join(dir, 'model.onnx');
    writeFileSync(path, buildEmissionGraph(quantised, 2, { input: 'feature_ids', output: 'emissions' }));
    const ids = [0, 1, 2, 5, 4, 3];
    const runner = createOrtNodeRunner({ tiny: path });
    const out = await runner.run('tiny', { feature_ids: { type: 'int64', data: BigInt64Array.from(ids, BigInt), dims: [3, 2] } });
    expect(out.emissions?.dims).toEqual([3, labels]);
    const expected = emissionsOf(table, Int32Array.from(ids), 3, labels, 2);
    Array.from(out.emissions!.data as Float32Array).forEach((value, i) => {
      expect(Math.abs(value - (expected[i] ?? 0))).toBeLessThan(10 / 127);
    });
    // A small feature keeps its own precision instead of rounding to zero next to a large one.
    expect(quantised.quantised[6 + 2]).toBe(-127);
  });
});
