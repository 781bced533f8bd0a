import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateBias } from '../../../../../models/training/bias/eval/evaluate-bias';
import { babePart } from '../../../../../models/training/bias/held-out-split';
import { LOADED_AND_NEUTRAL } from '../../../../shared/lite/bias-classifier/bias-sentences';

const ENCYCLOPEDIC = [
  'The river rises in the northern hills and flows south for 120 km.',
  'The cathedral was completed in 1248 and rebuilt after a fire in 1506.',
  'Its population was 4,210 at the 2010 census.',
  'The genus includes about forty species of flowering plants.',
];

/** A data folder shaped like ../shared/data, holding only sentences written for Loupe's tests. */
function writeDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-bias-eval-'));
  for (const sub of ['babe', 'weasel', 'cnndm']) mkdirSync(join(dir, sub));
  const rows = LOADED_AND_NEUTRAL.flatMap(({ loaded, neutral }) => [
    { text: loaded, label: 'biased', biased_words: '[]' },
    { text: neutral, label: 'non-biased', biased_words: '[]' },
  ]);
  const jsonl = (items: readonly object[]) => items.map((row) => JSON.stringify(row)).join('\n');
  writeFileSync(join(dir, 'babe', 'dev.jsonl'), jsonl(rows));
  writeFileSync(join(dir, 'babe', 'train.jsonl'), jsonl(rows));
  const documents = ENCYCLOPEDIC.map(
    (sentence, i) =>
      `<Document><DocID>Doc ${i}</DocID><DocumentPart type="Text"><Sentence id="S1">${sentence}</Sentence>` +
      `<Sentence id="S2">It <ccue type="speculation_modal_probable_">may</ccue> reportedly date from ${1100 + i}.</Sentence></DocumentPart></Document>`,
  );
  writeFileSync(join(dir, 'weasel', 'wiki.xml'), `<Annotation><DocumentSet>${documents.join('')}</DocumentSet></Annotation>`);
  writeFileSync(
    join(dir, 'cnndm', 'dev.jsonl'),
    jsonl([{ id: '1', article: `${ENCYCLOPEDIC.join(' ')} ${LOADED_AND_NEUTRAL[0]!.loaded}`, reference: 'x' }]),
  );
  return dir;
}

describe('evaluateBias', () => {
  it('measures Loupe as shipped beside its baselines on every figure, from one data folder', async () => {
    const results = await evaluateBias(writeDataDir());
    expect(results.map((r) => r.name)).toEqual([
      expect.stringMatching(/^Loupe lite/u),
      expect.stringMatching(/alone$/u),
      'rules alone (no model)',
      expect.stringMatching(/previous model/u),
    ]);
    const [shipped] = results;
    const held =
      LOADED_AND_NEUTRAL.filter((p) => babePart(p.loaded) === 'test').length +
      LOADED_AND_NEUTRAL.filter((p) => babePart(p.neutral) === 'test').length;
    expect(shipped!.babe.dev.sentences).toBe(2 * LOADED_AND_NEUTRAL.length);
    expect(shipped!.babe.test.sentences).toBe(held);
    expect(shipped!.babe.dev.precision).toBe(1);
    expect(shipped!.neutral.weaselDev.sentences + shipped!.neutral.weaselTest.sentences).toBe(ENCYCLOPEDIC.length);
    expect(shipped!.neutral.weaselDev.flagged + shipped!.neutral.weaselTest.flagged).toBe(0);
    expect(shipped!.neutral.cnndm).toMatchObject({ sentences: ENCYCLOPEDIC.length + 1, flagged: 1 });
    expect(shipped!.nameSwap.babeDev.unchanged).toBe(shipped!.nameSwap.babeDev.sentences);
    expect(shipped!.hedgeRecall.dev + shipped!.hedgeRecall.test).toBeGreaterThan(0);
  });

  it('names the folder to pass when BABE is missing', async () => {
    await expect(evaluateBias(join(tmpdir(), 'no-such-loupe-data'))).rejects.toThrow(/BABE dev split not found.*babe/u);
  });
});
