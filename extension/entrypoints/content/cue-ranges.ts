import type { BiasFlag } from '../../../shared/protocol/results';
import { squeezed } from '../../lib/anchoring/searchable-text';

interface CharAt {
  node: Text;
  offset: number;
  char: string;
}

function textNodesIn(doc: Document, range: Range): Text[] {
  const root = range.commonAncestorContainer;
  if (root.nodeType === 3) return [root as Text];
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (range.intersectsNode(node)) nodes.push(node as Text);
  return nodes;
}

/** Every character that carries text inside `ranges`, in order, with where it sits. */
function charsIn(doc: Document, ranges: readonly Range[]): CharAt[] {
  const out: CharAt[] = [];
  for (const range of ranges) {
    for (const node of textNodesIn(doc, range)) {
      const from = node === range.startContainer ? range.startOffset : 0;
      const to = node === range.endContainer ? range.endOffset : node.data.length;
      for (let i = from; i < to; i += 1) {
        const char = node.data[i]!;
        if (squeezed(char)) out.push({ node, offset: i, char });
      }
    }
  }
  return out;
}

/**
 * The live ranges of a flag's cue words, found inside the flag's own (already placed) ranges
 * by counting the characters that carry text, so they follow the flag wherever re-anchoring
 * puts it. A cue whose characters do not match there (text hidden inside the sentence) is
 * left unmarked rather than marked on the wrong words.
 */
export function cueRanges(doc: Document, flag: BiasFlag, flagRanges: readonly Range[]): Range[] {
  const chars = charsIn(doc, flagRanges);
  const out: Range[] = [];
  for (const cue of flag.cues) {
    if (cue.start < flag.start || cue.end > flag.end) continue;
    const from = squeezed(flag.text.slice(0, cue.start - flag.start)).length;
    const word = squeezed(cue.text);
    const placed = chars.slice(from, from + word.length);
    if (word.length === 0 || placed.map((c) => c.char).join('') !== word) continue;
    const range = doc.createRange();
    range.setStart(placed[0]!.node, placed[0]!.offset);
    range.setEnd(placed.at(-1)!.node, placed.at(-1)!.offset + 1);
    out.push(range);
  }
  return out;
}

/** The cue ranges of every flag placed in the page (each flag with all its ranges). */
export function flagCueRanges(doc: Document, pairs: ReadonlyArray<{ flag: BiasFlag; range: Range }>): Range[] {
  const byFlag = new Map<BiasFlag, Range[]>();
  for (const { flag, range } of pairs) byFlag.set(flag, [...(byFlag.get(flag) ?? []), range]);
  return [...byFlag].flatMap(([flag, ranges]) => cueRanges(doc, flag, ranges));
}
