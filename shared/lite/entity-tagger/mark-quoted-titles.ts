import { lowerBound } from '../../lower-bound';
import type { Entity, Span } from '../../protocol/results';
import { INTERFACE_WORDS, TECHNICAL_TERMS } from '../entity-cues';
import { isCreditedSpeech, quotedRanges } from '../sentence-attribution';

/**
 * Short words a title leaves in lower case ("Built in Hell", "The Last of the Mohicans"); a
 * particle is capitalised in a title ("Give It Up"), so "Sit down, Turkey" is speech.
 */
const TITLE_LOWER_WORDS = new Set(
  'a an the and or nor but so of in on at to for with by from as into onto than that is are be vs via per de la le du des von van'.split(
    ' ',
  ),
);
/** A word that says a one-word quotation is the name of a work: the song “Hello”. */
const WORK_NOUNS =
  /\b(?:song|single|track|album|record|film|movie|documentary|book|novel|memoir|poem|play|musical|opera|show|series|sitcom|episode|game|painting|titled|entitled|called)\s*$/iu;
/** Longer than this, a quotation is more likely a passage than a title. */
const MAX_TITLE_WORDS = 12;
/** How much of the text before a quotation the work-noun check reads. */
const LOOK_BEHIND = 40;

/**
 * Titles of works in quotation marks are names (MISC): the song “From Yesterday”, the book “A
 * Paradise Built in Hell”. A quotation is taken as a title when its words are in title case
 * (every word capitalised but short function words), it has two to twelve words or follows a
 * word such as "song" or "titled", and the tagger found no name that is exactly its words
 * (“The Rock” it called a person stays one; one it found elsewhere on the page lends the
 * quotation its type). Names the tagger found inside it ("Hell") give way
 * to the whole title. A quotation of speech ("“It was awful,” she said.") is not in title case;
 * keywords in capitals (“MUST NOT”), labels made of interface words (“Open File”) and credited
 * speech in title case (“Thank You,” she said) are no titles.
 */
export function markQuotedTitles(text: string, entities: readonly Entity[]): Entity[] {
  // Names never overlap one another: in order of start, they are in order of end too.
  const names = [...entities].sort((a, b) => a.start - b.start);
  const titles: Entity[] = [];
  // A quotation that is a name the page uses elsewhere ("“Mozilla VR”. Mozilla VR.") keeps that name's type.
  const typeOfName = new Map(entities.map((e) => [e.text, e.type]));
  for (const quote of quotedRanges(text)) {
    const title = titleInside(text, quote);
    if (!title) continue;
    const touching = overlapping(names, title.start, title.end);
    if (touching.some((e) => e.start === title.start && e.end === title.end)) continue;
    // A name that runs out of the quotation is the tagger's to keep.
    if (touching.some((e) => e.start < title.start || e.end > title.end)) continue;
    titles.push({ ...title, type: typeOfName.get(title.text) ?? 'MISC', score: 0.8, source: 'model' });
  }
  if (titles.length === 0) return [...entities];
  const inTitle = (e: Entity) => overlapping(titles, e.start, e.end).some((t) => t.start <= e.start && e.end <= t.end);
  return [...entities.filter((e) => !inTitle(e)), ...titles].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The spans of `sorted` (by start, none overlapping another) that overlap `[start, end)`: a binary search, then a short walk. */
function overlapping(sorted: readonly Entity[], start: number, end: number): Entity[] {
  const found: Entity[] = [];
  for (let i = lowerBound(sorted, (e) => e.end <= start); i < sorted.length && (sorted[i]?.start ?? Infinity) < end; i++)
    found.push(sorted[i] as Entity);
  return found;
}

/** The title-case words between a quotation's marks, trimmed of spaces and closing punctuation, or undefined. */
function titleInside(text: string, quote: Span): Omit<Entity, 'type' | 'score' | 'source'> | undefined {
  const { start, end } = quote;
  const afterWorkNoun = WORK_NOUNS.test(text.slice(Math.max(0, start - LOOK_BEHIND), start));
  // “Thank You,” she said: speech, unless a word such as "song" comes first.
  if (!afterWorkNoun && isCreditedSpeech(text, quote)) return undefined;
  let from = start + 1;
  let to = end - 1;
  // A quotation left open at the end of its paragraph has no closing mark.
  if (!/["”’'“‘]/u.test(text[to] ?? '')) to = end;
  while (from < to && /\s/u.test(text[from] ?? '')) from++;
  while (to > from && /[\s,.;:]/u.test(text[to - 1] ?? '')) to--;
  const inner = text.slice(from, to);
  const words = inner.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (words.length === 0 || words.length > MAX_TITLE_WORDS || !/^[\p{Lu}\p{N}]/u.test(inner)) return undefined;
  // Speech ends a sentence inside its marks; a title ends with its last word (or "?", "!").
  if (/[.]\s+\p{Lu}/u.test(inner)) return undefined;
  const titleCase = words.every((word, i) => /^[\p{Lu}\p{N}]/u.test(word) || (i > 0 && TITLE_LOWER_WORDS.has(word.toLowerCase())));
  if (!titleCase) return undefined;
  // “MUST NOT” and “GET” are keywords in capitals; “Open File” and “Debug Mode” are labels of an interface.
  if (words.every((word) => !/\p{Ll}/u.test(word))) return undefined;
  if (words.every((word) => INTERFACE_WORDS.has(word.toLowerCase()) || TECHNICAL_TERMS.has(word.toLowerCase()))) return undefined;
  if (words.length === 1 && !afterWorkNoun) return undefined;
  return { start: from, end: to, text: inner };
}
