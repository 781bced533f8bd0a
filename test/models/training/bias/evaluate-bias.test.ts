import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateBias } from '../../../../models/training/bias/evaluate-bias';
import { LOADED_AND_NEUTRAL } from '../../../shared/lite/bias-classifier/bias-sentences';

/** A data folder shaped like ../shared/data, holding only sentences written for Loupe's tests. */
function writeDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-bias-eval-'));
  mkdirSync(join(dir, 'babe'));
  mkdirSync(join(dir, 'wnc'));
  const rows = LOADED_AND_NEUTRAL.flatMap(({ loaded, neutral }) => [
    { text: loaded, label: 'biased', biased_words: '[]' },
    { text: neutral, label: 'non-biased', biased_words: '[]' },
  ]);
  writeFileSync(join(dir, 'babe', 'dev.jsonl'), rows.map((row) => JSON.stringify(row)).join('\n'));
  writeFileSync(join(dir, 'wnc', 'pre.test'), LOADED_AND_NEUTRAL.map((p) => p.loaded.toLowerCase()).join('\n'));
  writeFileSync(join(dir, 'wnc', 'post.test'), LOADED_AND_NEUTRAL.map((p) => p.neutral.toLowerCase()).join('\n'));
  const wordEdit = ['1', 'x', 'y', 'the senator slammed the plan.', 'the senator criticized the plan.', 'POS', 'DEP'].join('\t');
  writeFileSync(join(dir, 'wnc', 'biased.word.test'), `${wordEdit}\n`);
  return dir;
}

describe('evaluateBias', () => {
  it('scores the exported model and the rule baseline on BABE-shaped data, and counts WNC pairs per file', async () => {
    const result = await evaluateBias(writeDataDir());
    expect(result.model.sentences).toBe(2 * LOADED_AND_NEUTRAL.length);
    expect(result.model.macroF1).toBeGreaterThan(0.8);
    expect(result.rulesBaseline.macroF1).toBeGreaterThan(0);
    expect(result.wnc.pairs).toBe(LOADED_AND_NEUTRAL.length + 1);
    expect(result.wnc.bySet['biased.word.test']).toEqual({ pairs: 1, biasedScoresHigher: 1, ties: 0 });
    expect(result.wnc.biasedScoresHigher).toBeGreaterThan(0.8);
  });

  it('names the folder to pass when BABE is missing', async () => {
    await expect(evaluateBias(join(tmpdir(), 'no-such-loupe-data'))).rejects.toThrow(/BABE dev split not found.*babe/);
  });
});
