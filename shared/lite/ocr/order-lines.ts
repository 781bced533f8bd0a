import type { OcrBox } from './ocr-image';

/** One line of text read from an image. */
export interface OcrLine {
  readonly text: string;
  /** Mean per-character confidence of the recogniser, in [0, 1]. */
  readonly score: number;
  /** Where the line is, in pixels of the image as given. */
  readonly box: OcrBox;
}

/**
 * Puts `lines` in reading order (top to bottom, then left to right) and joins them: boxes
 * whose vertical centres lie within half a box height of a row's first box share that row and
 * are joined by a space; rows are joined by a newline.
 */
export function orderLines(lines: readonly OcrLine[]): { text: string; lines: OcrLine[] } {
  const byTop = [...lines].sort((a, b) => centreY(a.box) - centreY(b.box));
  const rows: OcrLine[][] = [];
  for (const line of byTop) {
    const row = rows.at(-1);
    const head = row?.[0];
    if (row && head && Math.abs(centreY(line.box) - centreY(head.box)) < head.box.height / 2) row.push(line);
    else rows.push([line]);
  }
  const ordered = rows.map((row) => row.sort((a, b) => a.box.x - b.box.x));
  return {
    text: ordered.map((row) => row.map((l) => l.text).join(' ')).join('\n'),
    lines: ordered.flat(),
  };
}

function centreY(box: OcrBox): number {
  return box.y + box.height / 2;
}
