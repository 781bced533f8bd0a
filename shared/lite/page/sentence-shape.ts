import { lowerBound } from '../../lower-bound';
import type { TextBlock } from '../../text/block-text';

/** Words of a sentence: runs between spaces holding a letter or a digit. */
export function countWords(sentence: string): number {
  return sentence.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** A shell command, or a line dense with code's symbols that calls or assigns something. */
export function isCodeLike(sentence: string): boolean {
  if (/^(\$|>|npm|npx|pip|git|curl|sudo|cd)\s+\S/u.test(sentence) && !/\s(the|a|an|is|are)\s/iu.test(sentence)) return true;
  const symbols = (sentence.match(/[{}();=<>[\]`|&$#]/gu) ?? []).length;
  const callsOrAssignments = (sentence.match(/\w+\([^)]*\)|\w+\s*=\s*\S|=>|::|\w+\.\w+\(/gu) ?? []).length;
  return symbols >= 4 && symbols / sentence.length > 0.06 && callsOrAssignments >= 1;
}

/** Marks that may follow a sentence's final punctuation: closing quotes and brackets, emphasis. */
const CLOSING_MARKS = new Set(['"', "'", '”', '’', ')', ']', '*', '»', '」', '』', '》']);
/** A reference or editor's mark after a sentence: "[81]", "[a]", "[citation needed]". */
const REFERENCE_MARK = /^\[(?:\d{1,4}|[a-z]|note \d{1,3}|citation needed|clarification needed|dubious|who\?|when\?|which\?)\]$/u;
const LONGEST_MARK = '[clarification needed]'.length;

/**
 * The sentence without what may follow its final punctuation: closing quotes and brackets and
 * reference marks ("plasma.[81]", "said.”[6][7]", "internally.[citation needed]"). Read from the
 * end, one character or mark at a time, so a long run of them costs no more than its length.
 */
export function withoutClosingMarks(sentence: string): string {
  let end = sentence.length;
  while (end > 0) {
    const last = sentence[end - 1] ?? '';
    if (last === ']') {
      const open = sentence.lastIndexOf('[', end - 1);
      if (open > 0 && end - open <= LONGEST_MARK && REFERENCE_MARK.test(sentence.slice(open, end))) {
        end = open;
        continue;
      }
    }
    if (!CLOSING_MARKS.has(last)) break;
    end -= 1;
  }
  return sentence.slice(0, end);
}

/** The block containing `offset`, by binary search over blocks sorted by start. */
export function blockAt(blocks: readonly TextBlock[], offset: number): TextBlock | undefined {
  const block = blocks[lowerBound(blocks, (b) => b.end <= offset)];
  return block !== undefined && block.start <= offset ? block : undefined;
}
