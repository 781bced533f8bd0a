import { ENTITY_TYPES, type Entity, type EntityType } from '../protocol/results';
import type { AlignedToken } from './align-token-tags';

interface Word {
  start: number;
  end: number;
  label: string;
  scores: number[];
}

/** Glues ## pieces to their word; the word keeps its first piece's label (HF's "first" strategy). */
function toWords(tokens: readonly AlignedToken[]): Word[] {
  const words: Word[] = [];
  for (const token of tokens) {
    const last = words.at(-1);
    if (token.continues && last) {
      last.end = token.end;
      last.scores.push(token.score);
    } else {
      words.push({ start: token.start, end: token.end, label: token.label, scores: [token.score] });
    }
  }
  return words;
}

function entityType(label: string): { type: EntityType; begins: boolean } | null {
  const match = /^([BIES])-(.+)$/.exec(label);
  const name = match ? (match[2] ?? '') : label;
  if (name === 'O' || name === '') return null;
  const type = (ENTITY_TYPES as readonly string[]).includes(name) ? (name as EntityType) : 'MISC';
  return { type, begins: match?.[1] === 'B' || match?.[1] === 'S' };
}

/**
 * Turns labelled words into entity spans: B- starts an entity, I- of the same type extends the
 * one before it (an I- after O or after another type starts one, as taggers often emit).
 * `offset` shifts spans from a chunk into the full text.
 */
export function aggregateEntities(text: string, tokens: readonly AlignedToken[], offset = 0): Entity[] {
  const entities: Entity[] = [];
  let open: { type: EntityType; start: number; end: number; scores: number[] } | null = null;
  const close = () => {
    if (!open) return;
    const score = open.scores.reduce((a, b) => a + b, 0) / open.scores.length;
    entities.push({
      start: offset + open.start,
      end: offset + open.end,
      text: text.slice(open.start, open.end),
      type: open.type,
      score: Math.min(1, Math.max(0, score)),
      source: 'model',
    });
    open = null;
  };
  for (const word of toWords(tokens)) {
    const tag = entityType(word.label);
    if (!tag) {
      close();
      continue;
    }
    if (open && !tag.begins && open.type === tag.type) {
      open.end = word.end;
      open.scores.push(...word.scores);
      continue;
    }
    close();
    open = { type: tag.type, start: word.start, end: word.end, scores: [...word.scores] };
  }
  close();
  return entities;
}
