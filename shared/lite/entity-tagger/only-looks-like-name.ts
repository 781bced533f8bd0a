import type { Entity } from '../../protocol/results';
import { CREDENTIALS } from '../entity-cues';
import type { NameLexicon } from './name-lexicon';

/** Initials with nothing else ("A.", "J. M."; "U.S." has no space and stays), or a time of day written in capitals ("P.M."). */
const INITIALS_ONLY = /^(?:\p{Lu}\.(?:\s+\p{Lu}\.)*|[AaPp]\.[Mm]\.)$/u;
/** "U. S." and "U. K.", written with a space: countries, not initials. */
const SPACED_COUNTRY = /^U\.\s+[SK]\.$/u;
/** An adverb in -ly: "Luckily", "Alternatively". */
const LY_ADVERB = /^\p{Lu}\p{Ll}+ly$/u;
/** What comes before the first word of a sentence that is not the text's first: a sentence's end or a line break, and perhaps an opening quote. */
const AFTER_SENTENCE_END = /(?:[.!?:]["”’)\]]*\s+|\n)\s*["“‘(]?$/u;
/** Characters before a word read to tell whether it opens a sentence. */
const LOOK_BEHIND = 8;

/**
 * A mention that only looks like a name: initials alone ("J. M." of "Wilmshurst, J. M.", "said
 * I."), or an adverb in -ly opening a sentence before a comma ("Luckily, …") that no name of the
 * lexicon holds and no longer name on the page ends in ("Connolly, 34," after "Sean Connolly").
 */
export function onlyLooksLikeName(text: string, entity: Entity, lexicon: NameLexicon, namesOnPage: ReadonlySet<string>): boolean {
  if (INITIALS_ONLY.test(entity.text)) return !SPACED_COUNTRY.test(entity.text);
  if (!LY_ADVERB.test(entity.text) || text[entity.end] !== ',') return false;
  const lower = entity.text.toLowerCase();
  return opensSentence(text, entity.start) && lexicon.wordTypes(lower) === 0 && !namesOnPage.has(lower);
}

function opensSentence(text: string, start: number): boolean {
  const from = Math.max(0, start - LOOK_BEHIND);
  const before = text.slice(from, start);
  return (from === 0 && /^\s*["“‘(]?$/u.test(before)) || AFTER_SENTENCE_END.test(before);
}

/** A degree written after the person just named and a comma, or after another degree ("Katie Allen, MD, PhD"). */
export function isCredentialOf(text: string, entity: Entity, previous: Entity | undefined): boolean {
  if (!CREDENTIALS.has(entity.text.toLowerCase())) return false;
  if (previous?.type !== 'PER') return false;
  const between = text.slice(previous.end, entity.start);
  return /^,\s*(?:(?:\p{L}\.?)+,\s*)*$/u.test(between) && [...between.matchAll(/,/gu)].length <= 3;
}
