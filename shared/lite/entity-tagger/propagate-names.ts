import type { Entity, Span } from '../../protocol/results';
import { STOPWORDS } from '../../text/stopwords';
import { HONORIFICS, INTERFACE_WORDS, TECHNICAL_TERMS } from '../entity-cues';
import { taggerTokens } from './tagger-tokens';

const isCapitalisedWord = (token: Span | undefined) => token !== undefined && /^\p{Lu}/u.test(token.text);

/**
 * Where a page names someone or something once, the same words name them elsewhere on the page:
 * each name the tagger found (its exact words, case included) is also marked where it occurs
 * unmarked, with the same type and score. An occurrence that is part of a longer capitalised run
 * ("Ford" in "Ford Motor") is left alone, and a one-word name is never marked as the first word
 * of a sentence, where every word is capitalised ("Will the council agree?"). A name the tagger
 * passed over more than twice as often as it marked it is not copied: the page does not use
 * those words as that name. One pass over the page's tokens (`tokens`: the tagger's own, when
 * it has them, in text order).
 */
export function propagateNames(text: string, entities: readonly Entity[], tokens: readonly Span[] = taggerTokens(text)): Entity[] {
  const names = new Map<string, Entity>();
  const marked = new Map<string, number>();
  for (const entity of entities) {
    // Interface words and technical terms are names only as part of a longer one ("non-WASI APIs").
    const lower = entity.text.toLowerCase();
    if (entity.source !== 'model' || !/^\p{Lu}/u.test(entity.text) || INTERFACE_WORDS.has(lower) || TECHNICAL_TERMS.has(lower)) continue;
    if (!names.has(entity.text)) names.set(entity.text, entity);
    marked.set(entity.text, (marked.get(entity.text) ?? 0) + 1);
  }
  if (names.size === 0) return [...entities];
  // Names by their first token, longest first, so "Harbor Point Council" wins over "Harbor Point".
  const byFirst = new Map<string, { name: Entity; length: number }[]>();
  for (const name of names.values()) {
    const words = taggerTokens(name.text);
    const first = words[0]?.text;
    if (first === undefined) continue;
    byFirst.set(
      first,
      [...(byFirst.get(first) ?? []), { name, length: words.length }].sort((a, b) => b.length - a.length),
    );
  }
  /** The first word of a sentence: after a full stop, a line break, or an opening quote there. */
  const startsSentence = (at: number): boolean => {
    const previous = tokens[at - 1];
    if (previous === undefined || /^[.!?]$/u.test(previous.text) || text.slice(previous.end, tokens[at]!.start).includes('\n')) return true;
    return /^["“‘'(]$/u.test(previous.text) && startsSentence(at - 1);
  };
  const taken = [...entities].sort((a, b) => a.start - b.start);
  let next = 0;
  const isTaken = (start: number, end: number) => {
    while (next < taken.length && taken[next]!.end <= start) next++;
    return next < taken.length && taken[next]!.start < end;
  };
  const added: Entity[] = [];
  const candidates = new Map<string, Entity[]>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    for (const { name, length } of byFirst.get(token.text) ?? []) {
      const last = tokens[i + length - 1];
      if (!last || text.slice(token.start, last.end) !== name.text) continue;
      const before = tokens[i - 1];
      const after = tokens[i + length];
      const title = before !== undefined && HONORIFICS.has(before.text.toLowerCase());
      // A capitalised word before is part of a longer name, unless it opens the sentence and is
      // a plain word ("What Hitzig showed"), or it is a title ("Mayor Reyes").
      const plainOpener = before !== undefined && startsSentence(i - 1) && STOPWORDS.has(before.text.toLowerCase());
      if ((isCapitalisedWord(before) && !title && !plainOpener) || isCapitalisedWord(after)) continue;
      if (length === 1 && startsSentence(i)) continue;
      if (isTaken(token.start, last.end)) continue;
      const found = { ...name, start: token.start, end: last.end };
      const list = candidates.get(name.text);
      if (list) list.push(found);
      else candidates.set(name.text, [found]);
      i += length - 1;
      break;
    }
  }
  // "AI" marked once as a place among thirty mentions is the tagger's slip, not the page's usage.
  for (const [name, found] of candidates) if (found.length <= 2 * (marked.get(name) ?? 0)) added.push(...found);
  return added.length === 0 ? [...entities] : [...entities, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}
