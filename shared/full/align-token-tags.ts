import type { TokenTag } from './full-runtime';

/** A token placed in the submitted text. `continues`: a ## piece glued to the token before it. */
export interface AlignedToken {
  start: number;
  end: number;
  label: string;
  score: number;
  continues: boolean;
}

/** How far past the cursor a token may be found (text the tokenizer dropped, [UNK] words). */
const MAX_SKIP = 200;

// Tokenizers lowercase and strip accents (uncased models) or keep them (cased): compare folded.
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** End of `piece` matched at `pos` in `text` (folded, code point by code point), or -1. */
function matchAt(text: string, pos: number, piece: string): number {
  let i = pos;
  let k = 0;
  while (k < piece.length) {
    const cp = text.codePointAt(i);
    if (cp === undefined) return -1;
    const ch = String.fromCodePoint(cp);
    const f = fold(ch);
    if (f !== '' && !piece.startsWith(f, k)) return -1;
    k += f.length;
    i += ch.length;
  }
  // A base letter whose accent follows as its own code point belongs to the token.
  while (i < text.length && /\p{M}/u.test(text[i] ?? '')) i++;
  return i;
}

function findFrom(text: string, cursor: number, piece: string): { start: number; end: number } | null {
  const limit = Math.min(text.length, cursor + MAX_SKIP + piece.length);
  for (let pos = cursor; pos < limit; pos++) {
    const end = matchAt(text, pos, piece);
    if (end >= 0) return { start: pos, end };
  }
  return null;
}

/**
 * Places the pipeline's tokens (which carry no offsets) in `text`: each decoded token is
 * searched from a cursor that only moves forward, so a repeated word maps to its own
 * occurrence. "##" pieces continue the previous token; tokens the pipeline dropped ([UNK] is
 * special, so it never comes back) are skipped over by the forward search.
 */
export function alignTokenTags(text: string, tags: readonly TokenTag[]): AlignedToken[] {
  const aligned: AlignedToken[] = [];
  let cursor = 0;
  let previousIndex = -2;
  for (const tag of [...tags].sort((a, b) => a.index - b.index)) {
    const isPiece = tag.word.startsWith('##') && tag.word.length > 2;
    const piece = fold((isPiece ? tag.word.slice(2) : tag.word).trim());
    const continues = isPiece && tag.index === previousIndex + 1 && aligned.length > 0;
    previousIndex = tag.index;
    if (!piece) continue;
    const end = continues ? matchAt(text, cursor, piece) : -1;
    const found = end >= 0 ? { start: cursor, end } : findFrom(text, cursor, piece);
    if (!found) continue;
    aligned.push({ ...found, label: tag.entity, score: tag.score, continues: continues && found.start === cursor });
    cursor = found.end;
  }
  return aligned;
}
