import type { Span } from '../protocol/results';

const SAYING = '(?:said|says|told|wrote|writes|added|adds|explained|noted|stated|announced|reported|reports)';
/** Roles and bodies a reader can identify: "said the mayor", "according to the report". */
const ROLE =
  '(?:mayor|senator|governor|president|minister|premier|chancellor|spokes(?:man|woman|person)|official|director|chief|ceo|chair(?:man|woman)?|secretary|professor|author|report|statement|study|company|agency|council|councillor|councilor|police|department|ministry|court|judge|lawyer|attorney|commissioner|manager|coach|founder|owner|researcher|scientist|economist|analyst|doctor|aide|adviser|advisor|prosecutor|sheriff|representative|lawmaker|candidate|campaign|organisation|organization|group|firm|bank|newspaper|board)';
const NAMED_SPEAKER = new RegExp(
  [
    // "..., said Mayor Elena Marsh." / "according to the Northfield report"
    String.raw`(?:[,”"]\s*${SAYING}|\baccording\s+to)\s+(?:(?:the|a|an|his|her|their|its)\s+(?:[\p{Ll}-]+\s+){0,3}?${ROLE}s?\b|(?:(?:the|a|an)\s+)?(?:[\p{Ll}-]+\s+){0,3}?\p{Lu}[\p{L}'’.-]+)`,
    // "..., Marsh said." / "..., he said." (a pronoun points back at a named speaker)
    String.raw`(?:[^\s"“]\s+|,\s*)(?:\p{Lu}[\p{L}'’.-]+|he|she|they|I|we)\s+${SAYING}\b`,
  ].join('|'),
  'u',
);

/**
 * Whether `sentence` credits what it says to someone the reader can identify: a name or a role
 * after a verb of saying ("said the mayor", "according to Dr. Okafor") or a name or pronoun
 * before one ("Marsh said", "she added").
 */
export function attributedByName(sentence: string): boolean {
  return NAMED_SPEAKER.test(sentence);
}

let lastText: string | undefined;
let lastRanges: Span[] = [];

/**
 * Spans of `text` in quotation marks: “curly” pairs, ‘single’ pairs, ''doubled'' and "straight"
 * pairs within one paragraph. A quote opened and not closed before the paragraph ends runs to its
 * end (news prints a long quote as paragraphs that each open with “). The last text's ranges are
 * kept, so calling this once per sentence of a page costs one pass.
 */
export function quotedRanges(text: string): Span[] {
  if (text === lastText) return lastRanges;
  const pattern = /“[^”\n]*(?:”|(?=\n)|$)|‘[^‘’\n]*’(?!\p{L})|''[^'\n]*''|"[^"\n]*"/gu;
  lastRanges = [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  lastText = text;
  return lastRanges;
}

/** Whether `[start, end)` lies inside one of `quoted`. */
export function insideQuotes(quoted: readonly Span[], start: number, end: number): boolean {
  return quoted.some((q) => q.start <= start && end <= q.end);
}
