import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPropaganda, scorePropaganda } from '../../../../../models/training/bias/eval/evaluate-propaganda';
import type { SentencePipeline } from '../../../../../models/training/bias/eval/sentence-pipelines';
import { flagBiasByRules } from '../../../../../shared/lite/flag-bias-by-rules';

const FIXTURE = fileURLToPath(new URL('../../../../fixtures/propaganda', import.meta.url));

/** A data folder holding the fixture corpus where `npm run eval` looks for one. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-propaganda-'));
  cpSync(FIXTURE, join(dir, 'propaganda'), { recursive: true });
  return dir;
}

const rules: SentencePipeline = {
  name: 'rules',
  async flag(sentences) {
    return sentences.map((sentence) => flagBiasByRules(sentence, [{ start: 0, end: sentence.length, text: sentence }]));
  },
};

describe('the propaganda-technique evaluation', () => {
  it('reads articles in the SemEval-2020 Task 11 layout, one line per sentence, gold where a technique span overlaps', () => {
    const articles = readPropaganda(dataDir(), 'dev');
    expect(articles?.map((a) => a.id)).toEqual(['101', '102']);
    expect(articles?.[0]?.gold).toEqual([false, true, false, true, false]);
    expect(articles?.[1]?.gold).toEqual([false, true, false]);
  });

  it('scores line-level precision and recall of a pipeline', async () => {
    const scores = await scorePropaganda(readPropaganda(dataDir(), 'dev')!, rules);
    expect(scores).toEqual({ lines: 8, gold: 3, precision: 1, recall: 1 });
  });

  it('says there is nothing to read when the corpus is absent, and names the format of a bad labels line', () => {
    expect(readPropaganda(join(tmpdir(), 'no-loupe-data'), 'test')).toBeUndefined();
    const dir = dataDir();
    writeFileSync(join(dir, 'propaganda', 'dev', 'article102.labels.tsv'), '102\tDoubt\tforty\t63\n');
    expect(() => readPropaganda(dir, 'dev')).toThrow(/article102\.labels\.tsv:1: expected "<id>\\t<technique>\\t<start>\\t<end>"/u);
  });
});
