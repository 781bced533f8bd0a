import type { Span } from '../../protocol/results';
import type { TextBlock } from '../../text/block-text';
import { blockAt, countWords, isCodeLike } from './sentence-shape';

/** Share of a page's preformatted sentences that must read as prose for it to be a plain-text document. */
const PROSE_SHARE = 0.5;
/** Fewest such sentences: a few commented lines do not make a document. */
const PROSE_SENTENCES = 5;
/** Fewest words of a sentence that counts, either way. */
const PROSE_WORDS = 6;
/** Marks of source code that reads almost like prose: Python's docstrings, definitions and imports. */
const SOURCE_MARKS =
  /"""|'''|\bdef\s+\w+\s*\(|\bself\.|^\s*from\s+[\w.]+\s+import\b|^\s*import\s+[\w.]+\s*(?:$|,|\bas\b)|^\s*class\s+\w+\s*[(:]/mu;

/**
 * Preformatted blocks that hold prose rather than code: on a plain-text document shown as it is
 * written (an Internet-Draft, a .txt file the browser wraps in <pre>), where half or more of
 * the preformatted sentences are full sentences of words, the paragraphs that mostly are, and
 * the short ones (headings, page headers), which then read as fragments. On any other page, and
 * on any page whose preformatted text shows source code's marks (docstrings, `def`, `import`),
 * code stays code, its comments included.
 */
export function preformattedProse(sentences: readonly Span[], blocks: readonly TextBlock[]): Set<TextBlock> {
  const counts = new Map<TextBlock, { prose: number; all: number }>();
  const total = { prose: 0, all: 0 };
  for (const sentence of sentences) {
    const block = blockAt(blocks, sentence.start);
    if (block?.role !== 'code') continue;
    if (SOURCE_MARKS.test(sentence.text)) return new Set();
    const count = counts.get(block) ?? { prose: 0, all: 0 };
    counts.set(block, count);
    // Short lines (headings, a contents' entries, page headers) say nothing either way.
    if (countWords(sentence.text) < PROSE_WORDS) continue;
    const prose = readsAsProse(sentence.text) ? 1 : 0;
    count.all += 1;
    count.prose += prose;
    total.all += 1;
    total.prose += prose;
  }
  if (total.prose < PROSE_SENTENCES || total.prose < PROSE_SHARE * total.all) return new Set();
  return new Set([...counts].filter(([, c]) => c.prose >= PROSE_SHARE * c.all).map(([block]) => block));
}

/** A sentence of words: six or more, a sentence's ending or a bullet, and none of code's symbols or shapes. */
function readsAsProse(sentence: string): boolean {
  return (
    countWords(sentence) >= PROSE_WORDS &&
    (/[.!?:,]["'”’)]*$/u.test(sentence) || /^[*•-]\s/u.test(sentence)) &&
    !isCodeLike(sentence) &&
    !/[{};=<>`|$#]|\/\/|\/\*|\w\(\)/u.test(sentence)
  );
}
