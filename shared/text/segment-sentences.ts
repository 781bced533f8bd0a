import type { Span } from '../protocol/results';
import { trimmedSpan } from './trimmed-span';

/** Abbreviations that almost never end a sentence: a break right after one is a false break. */
const NON_FINAL_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'ft',
  'gen',
  'col',
  'lt',
  'capt',
  'sgt',
  'cmdr',
  'adm',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'pres',
  'supt',
  'insp',
  'det',
  'e.g',
  'i.e',
  'cf',
  'vs',
  'v',
  'approx',
  'fig',
  'figs',
  'vol',
  'pp',
  'ca',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'est',
]);

/** Words that usually open a new sentence, so a break after "U.S." before them is kept. */
const SENTENCE_OPENERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'but',
  'and',
  'or',
  'so',
  'yet',
  'however',
  'in',
  'on',
  'at',
  'after',
  'before',
  'when',
  'while',
  'if',
  'there',
  'his',
  'her',
  'their',
  'our',
  'my',
  'as',
  'for',
  'then',
  'now',
  'still',
  'also',
  'some',
  'many',
  'most',
  'no',
  'not',
  'what',
  'why',
  'how',
  'who',
]);

/** One for every call: making a segmenter costs more than segmenting a short text with it. */
const SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits `text` into sentence spans, trimmed of surrounding whitespace, with offsets into
 * `text`. Uses `Intl.Segmenter`, then repairs its common false breaks (titles such as "Mr.",
 * "e.g.", initials such as "J. K.", "U.S. Senate") and misplaced edges (a reference mark glued
 * to a full stop, "plasma.[81]", stays with the sentence it closes; a bracket glued to the next
 * word, "said.(Photo via AP)", opens the next one), and always breaks at line ends, so headings
 * and list items stand alone.
 */
export function segmentSentences(text: string): Span[] {
  const sentences: Span[] = [];
  for (const line of lineSpans(text)) {
    let pending: Span | null = null;
    // Where an opening bracket or quote left at the end of the previous part begins ("said.(Oleg …").
    let carried: number | undefined;
    for (const part of SEGMENTER.segment(line.text)) {
      let span = trimmedSpan(text, line.start + part.index, line.start + part.index + part.segment.length);
      if (!span) continue;
      if (carried !== undefined) span = { start: carried, end: span.end, text: text.slice(carried, span.end) };
      carried = undefined;
      // A footnote mark glued to a full stop ("plasma.[81] The …") ends the sentence before.
      const footnote = FOOTNOTE_MARK.exec(span.text)?.[0];
      if (footnote && pending && pending.end === span.start) {
        pending = {
          start: pending.start,
          end: span.start + footnote.length,
          text: text.slice(pending.start, span.start + footnote.length),
        };
        const rest = trimmedSpan(text, span.start + footnote.length, span.end);
        if (!rest) continue;
        span = rest;
      }
      // Only an opener glued to the next word: a German closing “ after "gehe." is followed by a space.
      const opener = TRAILING_OPENER.exec(span.text)?.[1];
      if (opener && span.end < line.end && !/\s/u.test(text[span.end] ?? ' ')) {
        carried = span.end - opener.length;
        span = { start: span.start, end: carried, text: text.slice(span.start, carried) };
      }
      if (pending && isFalseBreak(pending.text, span.text)) {
        pending = { start: pending.start, end: span.end, text: text.slice(pending.start, span.end) };
      } else {
        if (pending) sentences.push(pending);
        pending = span;
      }
    }
    if (pending) sentences.push(pending);
  }
  return sentences;
}

/** Numbered reference marks: "[81]", "[6][7]" (the segmenter never breaks before "[a]" or "[citation needed]"). */
const FOOTNOTE_MARK = /^(?:\[\d{1,4}\])+/u;

/** Brackets and quotes that open the next sentence but were left at the end of this one, after its final mark. */
const TRAILING_OPENER = /[.!?…。！？]["”’)\]）」』]*([([{“‘（「『【〈《]+)$/u;

/** Non-empty lines of `text` (a newline always ends a sentence). */
function lineSpans(text: string): Span[] {
  const lines: Span[] = [];
  const pattern = /[^\r\n\u2028\u2029]+/gu;
  for (const match of text.matchAll(pattern)) {
    const span = trimmedSpan(text, match.index, match.index + match[0].length);
    if (span) lines.push(span);
  }
  return lines;
}

/** True when the break between `before` and `after` is not a real sentence end. */
function isFalseBreak(before: string, after: string): boolean {
  const lastWord = /(\S+)$/u.exec(before)?.[1] ?? '';
  if (!lastWord.endsWith('.')) return false;
  const bare = lastWord.slice(0, -1).replace(/^[("'“‘[]+/u, '');
  const nextWord = /^[("'“‘[]*([\p{L}\p{N}]+)/u.exec(after)?.[1] ?? '';
  if (/^\p{Ll}/u.test(nextWord)) return true;
  if (/^\p{N}/u.test(nextWord) && /^(no|nos|ch|art|sec)$/iu.test(bare)) return true; // "No. 5"
  if (NON_FINAL_ABBREVIATIONS.has(bare.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(bare)) return true; // an initial: "J. K. Rowling"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) return !SENTENCE_OPENERS.has(nextWord.toLowerCase());
  return false;
}
