import { describe, expect, it } from 'vitest';
import { bioToSpans } from '../../../../shared/lite/entity-tagger/bio-labels';
import { labelMarginals } from '../../../../shared/lite/entity-tagger/label-marginals';
import { viterbi, type ChainScores } from '../../../../shared/lite/entity-tagger/viterbi';

const LABELS = ['O', 'B-PER', 'I-PER'];
const flat = (rows: number[][]) => Float32Array.from(rows.flat());

describe('viterbi', () => {
  it('lets a strong transition overrule a weak emission (the second word of a name)', () => {
    const chain: ChainScores = {
      labels: LABELS,
      transitions: [
        [0, 0, 0],
        [0, -2, 3],
        [0, 0, 0],
      ],
      start: [0, 0, 0],
    };
    // "Angela Morrow said": token 2 alone slightly prefers O, but B-PER → I-PER pays 3.
    const emissions = flat([
      [0, 4, 0],
      [1, 0, 0.5],
      [3, 0, 0],
    ]);
    expect(Array.from(viterbi(emissions, 0, 3, chain))).toEqual([1, 2, 0]);
    // Without that transition the greedy choice (O) wins.
    const flatChain: ChainScores = {
      ...chain,
      transitions: [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
    };
    expect(Array.from(viterbi(emissions, 0, 3, flatChain))).toEqual([1, 0, 0]);
  });

  it('never opens a sentence or follows O with I-PER, however high its emission', () => {
    const chain: ChainScores = {
      labels: LABELS,
      transitions: [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      start: [0, 0, 0],
    };
    // Unconstrained, I-PER O I-PER would win; the legal best pays for a B-PER first.
    const emissions = flat([
      [0, 1, 9],
      [5, 0, 0.5],
      [0, 0, 9],
    ]);
    expect(Array.from(viterbi(emissions, 0, 3, chain))).toEqual([1, 2, 2]);
  });

  it('decodes a sentence at a row offset of a page-wide batch', () => {
    const chain: ChainScores = {
      labels: LABELS,
      transitions: [
        [0, 0, 0],
        [0, 0, 1],
        [0, 0, 0],
      ],
      start: [0, 0, 0],
    };
    const emissions = flat([
      [5, 0, 0],
      [0, 3, 0],
      [0, 0, 2],
    ]);
    expect(Array.from(viterbi(emissions, 1, 2, chain))).toEqual([1, 2]);
  });

  it('gives probabilities that sum to one and favour the decoded labels', () => {
    const chain: ChainScores = {
      labels: LABELS,
      transitions: [
        [0, 0, 0],
        [0, -2, 3],
        [0, 0, 0],
      ],
      start: [0, 0, 0],
    };
    const marginals = labelMarginals(
      flat([
        [0, 4, 0],
        [1, 0, 0.5],
        [3, 0, 0],
      ]),
      0,
      3,
      chain,
      1,
    );
    for (let t = 0; t < 3; t++) {
      const row = Array.from(marginals.slice(t * 3, t * 3 + 3));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    expect(marginals[0 * 3 + 1]).toBeGreaterThan(0.9);
    expect(marginals[0 * 3 + 2]).toBe(0); // I-PER cannot open a sentence
    expect(marginals[1 * 3 + 2]).toBeGreaterThan(0.5);
  });

  it('gives probabilities, not zeros, when the scores are far outside what the tagger gives', () => {
    const chain: ChainScores = {
      labels: LABELS,
      transitions: [
        [0, 0, 0],
        [0, 0, 5],
        [0, 0, 0],
      ],
      start: [0, 0, 0],
    };
    const extreme = flat([
      [-1e4, -1e4, 1e4], // all the weight on I-PER, which cannot open a sentence
      [1e4, -1e4, -1e4],
      [-1e4, 1e4, -1e4],
    ]);
    const marginals = labelMarginals(extreme, 0, 3, chain, 16);
    for (let t = 0; t < 3; t++) {
      const row = Array.from(marginals.slice(t * 3, t * 3 + 3));
      expect(row.every(Number.isFinite)).toBe(true);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    expect(marginals[2 * 3 + 1]).toBeGreaterThan(0.99); // the last token is surely B-PER
  });

  it('gives the rows of a stretch of tokens exactly as the whole sentence gives them', () => {
    const chain: ChainScores = {
      labels: LABELS,
      transitions: [
        [0.5, 0, -1],
        [0, -2, 3],
        [1, 0, 0.2],
      ],
      start: [0, 0.3, 0],
    };
    const emissions = flat([
      [0, 4, 0],
      [1, 0, 0.5],
      [3, 0, 0],
      [0, 2, 1],
      [0.5, 0, 2],
      [2, 1, 0],
    ]);
    const whole = labelMarginals(emissions, 0, 6, chain, 1.5);
    const stretch = labelMarginals(emissions, 0, 6, chain, 1.5, { from: 2, to: 4 });
    expect(Array.from(stretch.slice(6, 12))).toEqual(Array.from(whole.slice(6, 12)));
    expect(Array.from(stretch.slice(0, 6))).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('bioToSpans', () => {
  it('turns BIO labels into entity token spans, splitting touching entities at B-', () => {
    const labels = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];
    expect(bioToSpans(labels, [1, 2, 1, 0, 3, 4])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'PER' },
      { start: 4, end: 6, type: 'LOC' },
    ]);
  });
});
