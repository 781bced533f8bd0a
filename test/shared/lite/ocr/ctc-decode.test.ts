import { describe, expect, it } from 'vitest';
import { ctcDecode, parseOcrDictionary } from '../../../../shared/lite/ocr/ctc-decode';

const characters = parseOcrDictionary('a\nl\no\n');

/** One-hot-ish rows: class `k` gets probability `p`, the rest share what is left. */
function steps(classes: Array<[number, number]>, count = characters.length + 1): Float32Array {
  const probs = new Float32Array(classes.length * count);
  classes.forEach(([k, p], t) => {
    probs.fill((1 - p) / (count - 1), t * count, (t + 1) * count);
    probs[t * count + k] = p;
  });
  return probs;
}

describe('parseOcrDictionary', () => {
  it('keeps one class per line and appends the space PaddleOCR adds', () => {
    expect(characters).toEqual(['a', 'l', 'o', ' ']);
    expect(parseOcrDictionary('a\r\nb')).toEqual(['a', 'b', ' ']);
  });
});

describe('ctcDecode', () => {
  it('collapses repeats, drops blanks, and keeps a doubled letter split by a blank', () => {
    // blank=0, a=1, l=2, o=3, space=4
    const probs = steps([
      [1, 0.9],
      [1, 0.9],
      [2, 0.8],
      [0, 0.9],
      [2, 0.8],
      [3, 0.7],
      [4, 0.9],
      [0, 0.9],
    ]);
    const line = ctcDecode(probs, [1, 8, 5], characters);
    expect(line.text).toBe('allo ');
    expect(line.score).toBeCloseTo((0.9 + 0.8 + 0.8 + 0.7 + 0.9) / 5, 5);
  });

  it('puts back a space the blank won over, but not inside a word', () => {
    // "al" then a gap where the space class reached 0.3 under the blank, then "o"
    const probs = steps([
      [1, 0.9],
      [2, 0.9],
      [0, 0.9],
      [3, 0.9],
    ]);
    probs[2 * 5 + 4] = 0.3;
    probs[2 * 5 + 0] = 0.6;
    expect(ctcDecode(probs, [1, 4, 5], characters).text).toBe('al o');
    expect(ctcDecode(probs, [1, 4, 5], characters, Infinity).text).toBe('alo');
    expect(
      ctcDecode(
        steps([
          [1, 0.9],
          [0, 0.9],
          [2, 0.9],
        ]),
        [1, 3, 5],
        characters,
      ).text,
    ).toBe('al');
  });

  it('reads nothing, with score 0, from all blanks', () => {
    expect(
      ctcDecode(
        steps([
          [0, 0.9],
          [0, 0.9],
        ]),
        [1, 2, 5],
        characters,
      ),
    ).toEqual({ text: '', score: 0 });
  });

  it('refuses a recogniser whose classes do not match the dictionary', () => {
    expect(() => ctcDecode(new Float32Array(12), [1, 2, 6], characters)).toThrow(/npm install/);
  });
});
