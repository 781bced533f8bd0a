import { describe, expect, it } from 'vitest';
import { lcsIndices, meanRouge, rougeLsum, rougeN, rougeScores, rougeTokens } from '../../../../models/training/summary/rouge';

// Every expected value below is worked out by hand in the comment beside it.
describe('ROUGE', () => {
  it('tokenises PTB-spaced and plain text alike: lowercase, split on non-alphanumerics', () => {
    expect(rougeTokens("The team 's kick - off")).toEqual(['the', 'team', 's', 'kick', 'off']);
    expect(rougeTokens("The team's kick-off.")).toEqual(['the', 'team', 's', 'kick', 'off']);
  });

  it('ROUGE-1 clips repeated words to the reference count', () => {
    // cand: the cat sat on the mat (6); ref: the cat is on the mat (6)
    // hits: the×2, cat, on, mat = 5 → P = R = 5/6
    expect(rougeN('the cat sat on the mat', 'the cat is on the mat', 1)).toBeCloseTo(5 / 6, 10);
    // cand: the the the the (4); ref has "the" twice → 2 hits; P = 2/4, R = 2/6 → F = 0.4
    expect(rougeN('the the the the', 'the cat is on the mat', 1)).toBeCloseTo(0.4, 10);
  });

  it('ROUGE-2 counts shared bigrams', () => {
    // cand bigrams: the-cat cat-sat sat-on on-the the-mat; ref: the-cat cat-is is-on on-the the-mat
    // shared: the-cat, on-the, the-mat = 3 of 5 each side → 0.6
    expect(rougeN('the cat sat on the mat', 'The cat is on the mat.', 2)).toBeCloseTo(0.6, 10);
    expect(rougeN('', 'the cat', 2)).toBe(0);
  });

  it('ROUGE-L on one sentence is the LCS F-measure', () => {
    // LCS = the cat on the mat (5 of 6 each side)
    expect(lcsIndices(['the', 'cat', 'sat', 'on', 'the', 'mat'], ['the', 'cat', 'is', 'on', 'the', 'mat'])).toEqual([0, 1, 3, 4, 5]);
    expect(rougeLsum(['the cat sat on the mat'], ['the cat is on the mat'])).toBeCloseTo(5 / 6, 10);
  });

  it('summary-level ROUGE-L takes the union of per-sentence LCS matches (Lin 2004, 3.2)', () => {
    // r = a b c d e; c1 = a b f g h → LCS a b; c2 = a c h i e → LCS a c e; union = a b c e = 4 hits
    // R = 4/5, P = 4/10 → F = 2·0.4·0.8 / 1.2 = 8/15
    expect(rougeLsum(['a b f g h', 'a c h i e'], ['a b c d e'])).toBeCloseTo(8 / 15, 10);
    // Sentence order does not matter for the union (a concatenated LCS would find only a c e here).
    expect(rougeLsum(['a c h i e', 'a b f g h'], ['a b c d e'])).toBeCloseTo(8 / 15, 10);
  });

  it('summary-level ROUGE-L does not count a candidate word twice', () => {
    // r1 = x y, r2 = x z; candidate = x y z (one "x")
    // r1 ∪LCS = x y (2 hits); r2 ∪LCS = x z, but the single candidate "x" is used up → z only
    // hits 3, P = 3/3, R = 3/4 → F = 6/7
    expect(rougeLsum(['x y z'], ['x y', 'x z'])).toBeCloseTo(6 / 7, 10);
  });

  it('reports all three and averages per summary', () => {
    const perfect = rougeScores(['The cat sat.'], ['the cat sat']);
    expect(perfect).toEqual({ r1: 1, r2: 1, rl: 1 });
    const none = rougeScores(['dogs bark'], ['the cat sat']);
    expect(meanRouge([perfect, none])).toEqual({ r1: 0.5, r2: 0.5, rl: 0.5 });
  });
});
