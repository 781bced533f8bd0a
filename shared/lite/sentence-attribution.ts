import { lowerBound } from '../lower-bound';
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

/**
 * 'Straight single quotes' around what someone said: opened before a word, closed right after
 * the speech's own punctuation ("'It was awful,' she said."); an apostrophe between letters
 * ("it's") stays inside. A possessive ("the players' union") closes nothing.
 */
const STRAIGHT_SINGLE = String.raw`(?<![\p{L}\p{N}'])'(?=[\p{L}\p{N}])(?:[^'\n]|(?<=\p{L})'(?=\p{L}))*?[,.!?…]'(?![\p{L}\p{N}])`;

const QUOTATION = new RegExp(String.raw`“[^”\n]*(?:”|(?=\n)|$)|‘[^‘’\n]*’(?!\p{L})|''[^'\n]*''|"[^"\n]*"|${STRAIGHT_SINGLE}`, 'gu');

/** A quotation this long is a statement someone made; a shorter one may be the writer's scare quotes. */
const STATEMENT_WORDS = 5;
/** A verb of saying right after a quotation ("…,” said the mayor", "…,' she added"). */
const CREDITED_AFTER = new RegExp(
  [
    String.raw`^\s*(?:${SAYING}|asked|insisted)\b`,
    String.raw`^\s*(?:\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}|he|she|they|I|we)\s+(?:${SAYING}|asked|insisted)\b`,
    // "…,' the team said"
    String.raw`^\s*(?:the|a|an|his|her|their|its)\s+(?:[\p{Ll}-]+\s+){1,2}(?:${SAYING}|asked|insisted)\b`,
  ].join('|'),
  'u',
);
/** A verb of saying and a colon right before a quotation ("She said: ‘…’", "told the agency: “…”"). */
const CREDITED_BEFORE = new RegExp(String.raw`\b(?:${SAYING}|asked|insisted)(?:\s+[\p{L}'’.-]+){0,4}\s*:\s*$`, 'u');

/** A quotation that ends with its speaker's own punctuation inside the marks, or a comma right after them. */
const SPEECH_ENDING = /[,!?…]\s*["”’']$/u;

/**
 * Whether quotation `q` of `text` is credited speech: a verb of saying right after it, the
 * speech ending with its own punctuation ("“Disgusting,” she said.", "‘Awful’, he added."), or
 * a verb of saying and a colon before it ("He said: ‘Awful.’"). Scare quotes followed by a
 * name and a verb ("the “reform” Trump says he wants") are not.
 */
export function isCreditedSpeech(text: string, q: Span): boolean {
  const endsAsSpeech = SPEECH_ENDING.test(q.text) || text[q.end] === ',';
  return (
    (endsAsSpeech && CREDITED_AFTER.test(text.slice(q.end + (text[q.end] === ',' ? 1 : 0), q.end + 60))) ||
    CREDITED_BEFORE.test(text.slice(Math.max(0, q.start - 60), q.start))
  );
}

let statementsOf: { text: string; statements: Span[] } | undefined;

/**
 * The quotations of `text` that are someone's statement: five words or more, or credited
 * speech of any length (see {@link isCreditedSpeech}). A short quotation with no speaker is
 * often the writer's own scare quotes. Kept for the last text, as {@link quotedRanges} is.
 */
export function quotedStatements(text: string): Span[] {
  if (statementsOf?.text !== text) {
    const statements = quotedRanges(text).filter(
      (q) => (q.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= STATEMENT_WORDS || isCreditedSpeech(text, q),
    );
    statementsOf = { text, statements };
  }
  return statementsOf.statements;
}

let lastText: string | undefined;
let lastRanges: Span[] = [];

/**
 * Spans of `text` in quotation marks: “curly” pairs, ‘single’ pairs, ''doubled'' and "straight"
 * pairs within one paragraph, and 'straight single' ones around speech, in text order. A quote
 * opened and not closed before the paragraph ends runs to its end (news prints a long quote as
 * paragraphs that each open with “). The last text's ranges are kept, so calling this once per
 * sentence of a page costs one pass.
 */
export function quotedRanges(text: string): Span[] {
  if (text === lastText) return lastRanges;
  lastRanges = [...text.matchAll(QUOTATION)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  lastText = text;
  return lastRanges;
}

/**
 * Whether `[start, end)` lies inside one of `quoted` (in text order and not overlapping, as
 * {@link quotedRanges} gives them): a binary search, since every word of a page asks.
 */
export function insideQuotes(quoted: readonly Span[], start: number, end: number): boolean {
  // The last quotation that opens at or before `start` is the only one that can hold it.
  const q = quoted[lowerBound(quoted, (quote) => quote.start <= start) - 1];
  return q !== undefined && end <= q.end;
}

/**
 * A view someone is reported to hold, in the active voice: "<who> saw / described / branded …
 * as <view>" ("Opponents saw the move as hypocritical", "She described the plan as reckless").
 * The view is theirs, credited in the sentence; an agentless "was seen as reckless" is not.
 */
const REPORTED_VIEW =
  /(?<!\b(?:is|are|was|were|be|been|being|widely|largely|generally|often|commonly|also)\s)\b(?:saw|sees|see|viewed|views|view|regarded|regards|regard|described|describes|describe|branded|brands|labell?ed|labels|denounced|denounces|condemned|condemns|dismissed|dismisses|characteri[sz]ed|characteri[sz]es|portrayed|portrays)\s+(?:[^.;:!?"“”\n]{1,80}?\s)?as\s+([^.;:!?,"“”\n]{1,60})/giu;

/** Spans of `sentence` (offsets from `offset`) that hold a view credited to someone in it (see {@link REPORTED_VIEW}). */
export function reportedViews(sentence: string, offset = 0): Span[] {
  const views: Span[] = [];
  for (const match of sentence.matchAll(REPORTED_VIEW)) {
    const view = match[1] ?? '';
    const start = offset + match.index + match[0].length - view.length;
    views.push({ start, end: start + view.length, text: view });
  }
  return views;
}
