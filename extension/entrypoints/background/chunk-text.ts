export interface Chunk {
  start: number;
  end: number;
}

export interface ChunkOptions {
  /** A chunk closes once it holds this many characters (a longer paragraph stays whole). */
  maxChars: number;
  /** ...or this many paragraphs. */
  maxParagraphs: number;
}

export const DEFAULT_CHUNKING: ChunkOptions = { maxChars: 6_000, maxParagraphs: 12 };

/**
 * Splits captured text (paragraphs separated by blank lines) into runs of whole paragraphs, so
 * a long page's results can stream in chunk by chunk. Sentences never cross paragraphs, so no
 * sentence is cut; offsets are into `text`, and the chunks cover it without gaps.
 */
export function chunkText(text: string, options: ChunkOptions = DEFAULT_CHUNKING): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let paragraphs = 0;
  const breaks = /\n\s*\n/gu;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    paragraphs += 1;
    const end = m.index + m[0].length;
    if (end - start >= options.maxChars || paragraphs >= options.maxParagraphs) {
      chunks.push({ start, end });
      start = end;
      paragraphs = 0;
    }
  }
  if (start < text.length || chunks.length === 0) chunks.push({ start, end: text.length });
  return chunks;
}
