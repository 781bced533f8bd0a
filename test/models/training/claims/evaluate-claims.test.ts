import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateClaims } from '../../../../models/training/claims/evaluate-claims';

/** One article in PolNeAR's layout, written for Loupe's tests. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-claims-'));
  const text = 'Critics say the ferry is late. The mayor said it is on time. Analysts warned of delays. The vote is on Monday.';
  const at = (s: string) => `${text.indexOf(s)} ${text.indexOf(s) + s.length}`;
  const ann = [
    `T1\tSource ${at('Critics')}\tCritics`,
    `T2\tCue ${at('say')}\tsay`,
    'E1\tAttribution:T2 Cue:T2 Source:T1',
    `T3\tSource ${at('The mayor')}\tThe mayor`,
    `T4\tCue ${at('said')}\tsaid`,
    'E2\tAttribution:T4 Cue:T4 Source:T3',
    `T5\tSource ${at('Analysts')}\tAnalysts`,
    `T6\tCue ${at('warned')}\twarned`,
    'E3\tAttribution:T6 Cue:T6 Source:T5',
  ].join('\n');
  for (const sub of ['text', 'attributions']) mkdirSync(join(dir, 'attribution', 'dev', sub), { recursive: true });
  writeFileSync(join(dir, 'attribution', 'dev', 'text', 'local_2025_ferry.txt'), text);
  writeFileSync(join(dir, 'attribution', 'dev', 'attributions', 'local_2025_ferry_ab12.ann'), ann);
  return dir;
}

describe('evaluateClaims', () => {
  it('scores the rules sentence by sentence against the vague-source gold, beside the bare cue phrases', () => {
    const result = evaluateClaims(dataDir(), 'dev');
    expect(result.articles).toBe(1);
    expect(result.rules).toEqual({ precision: 1, recall: 1, f1: 1, flagged: 2, gold: 2, sentences: 4 });
    expect(result.phrasesOnly.flagged).toBe(2);
  });

  it('names the folder to pass when PolNeAR is missing', () => {
    expect(() => evaluateClaims(join(tmpdir(), 'no-loupe-data'), 'train')).toThrow(/PolNeAR train split not found.*attribution/u);
  });
});
