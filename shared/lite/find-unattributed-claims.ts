import type { Span } from '../protocol/results';
import type { CueMatch } from './match-bias-cues';
import { attributedByName, insideQuotes, quotedRanges } from './sentence-attribution';

/** Who a vague source stands for, which decides what the explanation asks the text to name. */
export type VagueSource = 'people' | 'experts' | 'research' | 'nobody';

const GROUPS =
  'critics|experts|observers|analysts|scientists|researchers|economists|historians|doctors|' +
  'commentators|pundits|insiders|sources|skeptics|sceptics|detractors|opponents|scholars|academics|' +
  'specialists|people|others|many|some|most|everyone|everybody';
const EXPERTS =
  /\b(?:experts|observers|analysts|scientists|researchers|economists|historians|doctors|commentators|pundits|scholars|academics|specialists|insiders|sources)\b/iu;
const QUANTIFIER = String.raw`(?:some|many|most|several|numerous|countless|certain|other|a\s+(?:lot|number|growing\s+number|handful)\s+of|lots\s+of|plenty\s+of)`;
const SAY =
  '(?:say|says|said|saying|argue|argues|argued|claim|claims|claimed|believe|believes|believed|agree|agrees|agreed|' +
  'warn|warns|warned|suggest|suggests|suggested|contend|contends|insist|insist|insisted|think|thinks|fear|fears|feared|' +
  String.raw`worry|worries|allege|alleges|alleged|maintain|maintains|predict|predicts|have\s+said|have\s+argued|have\s+warned|have\s+suggested|have\s+long\s+(?:said|argued|believed))`;
const RESEARCH = String.raw`(?:studies|research|science|the\s+science|polls|surveys|the\s+evidence)`;
const SHOW = String.raw`(?:show|shows|showed|shown|have\s+shown|has\s+shown|suggest|suggests|suggested|prove|proves|proved|proven|confirm|confirms|confirmed|indicate|indicates|indicated|found|finds)`;
const PASSIVE = String.raw`(?:believed|said|thought|claimed|alleged|rumou?red|understood|feared|assumed|argued|suggested|(?:widely|well)\s+known)`;

/** Patterns of a claim credited to no one, each with the kind of source the reader is not told. */
const PATTERNS: readonly { pattern: RegExp; source: VagueSource }[] = [
  // "Some say", "critics argue", "many conservative commentators believe", "experts agree"
  {
    pattern: new RegExp(
      String.raw`\b(?:${QUANTIFIER}\s+(?:[a-z-]+\s+){0,2}?)?(?:${GROUPS})(?:\s+(?:have\s+)?(?:long|often|increasingly|now|also))?\s+${SAY}\b`,
      'gu',
    ),
    source: 'people',
  },
  { pattern: /\b(?:many\s+people|people)\s+are\s+(?:saying|talking|asking)\b/giu, source: 'people' },
  { pattern: new RegExp(String.raw`\bthere\s+are\s+(?:those|people|some|many)\s+who\s+${SAY}\b`, 'giu'), source: 'people' },
  {
    pattern:
      /\b(?:everyone|everybody)\s+knows\b|\bas\s+(?:we\s+all|everyone|everybody)\s+knows?\b|\bit\s+is\s+(?:no\s+secret|common\s+knowledge)\b/giu,
    source: 'people',
  },
  { pattern: new RegExp(String.raw`\b${RESEARCH}\s+(?:clearly\s+|now\s+|also\s+|consistently\s+)?${SHOW}\b`, 'giu'), source: 'research' },
  { pattern: /\bthe\s+science\s+is\s+settled\b|\bthe\s+evidence\s+is\s+clear\b/giu, source: 'research' },
  {
    pattern: new RegExp(
      String.raw`\bit\s+(?:is|was|has\s+(?:long\s+)?been|had\s+been)\s+(?:widely\s+|commonly\s+|generally\s+|often\s+)?${PASSIVE}\b`,
      'giu',
    ),
    source: 'nobody',
  },
  { pattern: /\b(?:questions|concerns|doubts)\s+have\s+(?:been\s+raised|arisen)\b/giu, source: 'nobody' },
  {
    pattern: /\baccording\s+to\s+(?:some|many|experts|sources|reports|critics|observers|analysts|insiders|rumou?rs)\b/giu,
    source: 'people',
  },
];

/** A determiner, number or possessive just before the group points at people already named: "the critics", "two people". */
const POINTS_BACK =
  /(?:\b(?:the|these|those|this|that|his|her|their|its|our|your|my|of|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|hundreds\s+of)|\d[\d,.]*|['’]s?)\s+$/iu;

/** A capitalised word just before the group names it: "Democratic sources", "FEC reports". */
const NAMED_BEFORE = /\S\s+\p{Lu}[\p{L}.-]*\s+$/u;

/** Words after a vague source that name it after all: "experts at Northfield University", "critics such as Reyes". */
const NAMED_AFTER =
  /^[\s,]*(?:\p{Ll}+\s+){0,2}?(?:at|from|of|with|by|in|including|such\s+as|like|led\s+by|published\s+in|commissioned\s+by|funded\s+by)\s+(?:the\s+)?(?:\p{Lu}|\d{4})/u;

/** A vague-source phrase found in a sentence, before any check that it is attributed after all. */
export interface ClaimPhrase {
  /** Offsets into the sentence text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly source: VagueSource;
}

/** Every vague-source phrase of `body` (one sentence), in order, without overlaps. */
export function matchClaimPhrases(body: string): ClaimPhrase[] {
  const found: ClaimPhrase[] = [];
  for (const { pattern, source } of PATTERNS) {
    for (const match of body.matchAll(new RegExp(pattern.source, pattern.flags.includes('i') ? pattern.flags : `${pattern.flags}i`))) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      found.push({ start, end, text: match[0], source: source === 'people' && EXPERTS.test(match[0]) ? 'experts' : source });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Claims credited to no one inside `sentence`: "some say", "critics argue", "experts agree",
 * "studies show", "it is believed", "many people are saying". Not flagged: a source named right
 * after the cue ("experts at Northfield University say"), a capitalised group ("Harbor Point
 * critics say"), people already pointed at ("the critics", "two people"), a sentence whose claim
 * is credited to a named speaker ("..., Marsh said"), and cues inside quotation marks (the
 * writer is quoting someone). Each hit is a cue in the 'unattributed-claim' category; `source`
 * says whom the reader should be told about.
 */
export function findUnattributedClaims(text: string, sentence: Span): (CueMatch & { source: VagueSource })[] {
  const body = text.slice(sentence.start, sentence.end);
  if (attributedByName(body)) return [];
  const quoted = quotedRanges(text);
  return matchClaimPhrases(body)
    .filter(
      ({ start, end }) =>
        !insideQuotes(quoted, sentence.start + start, sentence.start + end) &&
        !hasCapitalInside(body, start, end) &&
        !POINTS_BACK.test(body.slice(0, start)) &&
        !NAMED_BEFORE.test(body.slice(0, start)) &&
        !NAMED_AFTER.test(body.slice(end)),
    )
    .map((phrase) => ({
      start: sentence.start + phrase.start,
      end: sentence.start + phrase.end,
      text: phrase.text,
      exact: true,
      source: phrase.source,
      cue: { words: phrase.text.toLowerCase().split(/\s+/u), category: 'unattributed-claim', strength: 0.7, inflect: false },
    }));
}

/** A capital letter past the first character: "Harbor Point critics say", "some Republicans argue". */
function hasCapitalInside(body: string, start: number, end: number): boolean {
  const first = /\S/u.exec(body.slice(start))?.index ?? 0;
  return (
    /\p{Lu}/u.test(body.slice(start + first + 1, end)) ||
    (start + first > 0 && /\p{Lu}/u.test(body[start + first] ?? '') && !atSentenceStart(body, start + first))
  );
}

function atSentenceStart(body: string, at: number): boolean {
  return /^[\s"“‘'([]*$/u.test(body.slice(0, at));
}
