import type { Entity, EntityType } from '../../protocol/results';
import { AMBIGUOUS_TITLES, HONORIFICS, INTERFACE_WORDS, LOC_SUFFIXES, ORG_SUFFIXES, TECHNICAL_TERMS } from '../entity-cues';
import { EMPTY_LEXICON, type NameLexicon } from './name-lexicon';
import { isCredentialOf, onlyLooksLikeName } from './only-looks-like-name';
import { TAGGER_TYPES } from './bio-labels';
import { taggerTokens } from './tagger-tokens';

/** One name the tagger found, with how strongly its tokens leaned to each type. */
export interface NameMention {
  readonly entity: Entity;
  /** Mean probability of each of {@link TAGGER_TYPES} over the mention's tokens, in that order. */
  readonly typeScores: readonly number[];
}

/**
 * Place words that also close the names of clubs, schools and venues ("Manchester City", "Penn
 * State", "Carnegie Hall"): no evidence either way. ("County" stays evidence: Wikigold dev 60.7
 * without it, 62.1 with it.)
 */
const CLUB_OR_SCHOOL_PLACE_WORDS: ReadonlySet<string> = new Set(['city', 'state', 'hall']);
/** What a title before a name adds to its person score (a title is strong evidence). */
const TITLE_EVIDENCE = 1;
/** Mean place probability over a short form's own mentions above which a person's surname does not claim it. */
const CONFIDENT_PLACE = 0.9;
/** What a closing organisation word ("Motors", "Inc", "Council") adds to its organisation score. */
const SUFFIX_EVIDENCE = 0.5;

/** One word built like a firm's name: "Lucasfilm", "Microsoft", "Politifact", "Wikipedia". */
const FIRM_WORD = /^\p{Lu}\p{Ll}+(?:film|soft|corp|media|pedia|book|fact|labs)$/u;
/** What such a word adds to its organisation score: no one is called so. */
const FIRM_WORD_EVIDENCE = 1;

interface Working {
  entity: Entity;
  scores: number[];
  /** Lower-cased words of the mention, titles and a possessive ending removed. */
  words: string[];
  /** The mention without its possessive ending ("Google" of "Google’s"), when it has one. */
  bare?: Entity;
}

/**
 * Document-level decisions over the tagger's mentions of one page, so that a name carries one
 * type across the page:
 * - titles before a person's name ("Mayor", "President", "Dr.") leave the span and count as
 *   evidence that it names a person; a closing organisation word ("Keller Motors") or a word
 *   built like a firm's name ("Lucasfilm", "Politifact") counts as evidence of an organisation,
 *   a closing place word ("Whangārei Harbour") as evidence of a place;
 * - mentions made only of interface words ("GET", "Photo", "Post Comment") are dropped, unless
 *   they are the short form of a longer name on the page ("the Post" after "The Washington Post");
 *   so are what only looks like a name: initials alone ("J. M." of "Wilmshurst, J. M.", "said
 *   I."), a credential after a person's name ("Eric Biondi, MD"), and an adverb opening a
 *   sentence that neither `lexicon` nor a fuller name on the page holds ("Luckily, …"; see
 *   {@link onlyLooksLikeName});
 * - mentions of the same name (case and a trailing "'s" aside) share one type, the one with the
 *   most probability summed over all its mentions;
 * - a surname after a person's full name ("Ford" after "John M. Ford") and the leading words of
 *   an organisation's name ("Keller" after "Keller Motors", unless they name a place) take the
 *   longer name's type; a handle ("@Uber_Sydney") is no full name, and a word the tagger
 *   confidently reads as a place wherever it stands alone ("downtown Sydney") stays a place.
 * Returns the kept mentions as entities, in their original order.
 */
export function decideNames(text: string, mentions: readonly NameMention[], lexicon: NameLexicon = EMPTY_LEXICON): Entity[] {
  const stripped = mentions.map((mention) => stripTitles(text, mention)).filter((m): m is Working => m !== null);
  // The words of the page's fuller names ("Connolly" of "Sean Connolly"), from the words stripTitles read.
  const namesOnPage = new Set(stripped.filter((m) => m.words.length > 1).flatMap((m) => m.words));
  const working = stripped.filter((m) => !onlyLooksLikeName(text, m.entity, lexicon, namesOnPage));
  const groups = groupByName(working);
  const decided = new Map<string, EntityType>();
  for (const [key, members] of groups) decided.set(key, topType(members));
  const confidence = new Map([...groups].map(([key, members]) => [key, meanScoreOf(members, decided.get(key))]));
  const index = indexLongerNames(groups, decided);
  const longerNames = [...groups.keys()].filter((key) => key.includes(' ') && !isFurniture(key.split(' ')));
  const wordsOfLongerNames = new Set(longerNames.flatMap((key) => key.split(' ')));
  const plainNames = new Set(working.filter((m) => !m.bare).map((m) => m.words.join(' ')));
  const kept: Entity[] = [];
  for (const mention of working) {
    const key = mention.words.join(' ');
    const owner = longerOwner(mention, index, decided, confidence);
    if (isFurniture(mention.words) && !(mention.words.length === 1 && wordsOfLongerNames.has(key))) continue;
    const type = owner ? (decided.get(owner) as EntityType) : (decided.get(key) ?? mention.entity.type);
    // "Google’s" is Google where the page also names it plainly; "McDonald's" always has its "'s".
    const entity = mention.bare && plainNames.has(key) ? mention.bare : mention.entity;
    if (isCredentialOf(text, entity, kept.at(-1))) continue;
    kept.push({ ...entity, type });
  }
  return kept;
}

/**
 * A photo credit's label glued to the name when a page hides the label visually
 * ("<span>Credit</span><span>Chang W. Lee</span>" reads "CreditChang W. Lee").
 */
const GLUED_CREDIT_LABEL = /^(?:(?:[Cc]redits?|[Pp]hotos?|[Pp]hotograph|[Ii]mage|[Cc]ourtesy|[Cc]aption)(?=\p{Lu}\p{Ll}))+/u;

/** The mention without a glued credit label. */
function withoutCreditLabel(text: string, entity: Entity): Entity {
  const label = GLUED_CREDIT_LABEL.exec(entity.text)?.[0].length ?? 0;
  return label === 0 ? entity : { ...entity, start: entity.start + label, text: text.slice(entity.start + label, entity.end) };
}

/** The mention without leading titles (a person's only), or null when nothing but a title is left. */
function stripTitles(text: string, mention: NameMention): Working | null {
  const entity = withoutCreditLabel(text, mention.entity);
  const tokens = taggerTokens(entity.text);
  const scores = [...mention.typeScores];
  const personLeads = argmax(scores) === 0;
  // The possessive of the word before, split off by the tokeniser ("the city’s Department of …").
  const leadingPossessive = tokens.length > 1 && /^['’]s$/u.test(tokens[0]?.text ?? '') ? 1 : 0;
  let from = leadingPossessive;
  while (from < tokens.length - 1) {
    const word = tokens[from]?.text.toLowerCase() ?? '';
    if (!HONORIFICS.has(word) || (AMBIGUOUS_TITLES.has(word) && !personLeads)) break;
    from++;
  }
  const rest = tokens.slice(from);
  if (rest.length === 0 || !/^\p{Lu}/u.test(rest[0]?.text ?? '')) return from === 0 ? { entity, scores, words: words(tokens) } : null;
  if (from > leadingPossessive) scores[0] = (scores[0] ?? 0) + TITLE_EVIDENCE;
  const last = rest.at(-1)?.text.toLowerCase() ?? '';
  if (rest.length > 1 && ORG_SUFFIXES.has(last)) scores[1] = (scores[1] ?? 0) + SUFFIX_EVIDENCE;
  if (rest.length > 1 && LOC_SUFFIXES.has(last) && !CLUB_OR_SCHOOL_PLACE_WORDS.has(last)) scores[2] = (scores[2] ?? 0) + SUFFIX_EVIDENCE;
  if (rest.length === 1 && FIRM_WORD.test(rest[0]?.text ?? '')) scores[1] = (scores[1] ?? 0) + FIRM_WORD_EVIDENCE;
  const start = entity.start + (rest[0]?.start ?? 0);
  const trimmed = from > 0 ? { ...entity, start, text: text.slice(start, entity.end) } : entity;
  const possessive = rest.length > 1 && /^['’]s$/u.test(rest.at(-1)?.text ?? '');
  const end = entity.start + (rest.at(-2)?.end ?? 0);
  return {
    entity: trimmed,
    scores,
    words: words(rest),
    ...(possessive ? { bare: { ...trimmed, end, text: text.slice(start, end) } } : {}),
  };
}

/** Made only of interface words, technical terms and punctuation: a button, a label or "the CPU", not a name. */
function isFurniture(words: readonly string[]): boolean {
  return words.every((w) => INTERFACE_WORDS.has(w) || TECHNICAL_TERMS.has(w) || !/\p{L}/u.test(w));
}

function words(tokens: readonly { text: string }[]): string[] {
  const out = tokens.map((t) => t.text.toLowerCase());
  if (out.length > 1 && /^['’]s$/u.test(out.at(-1) ?? '')) out.pop();
  return out;
}

function groupByName(mentions: readonly Working[]): Map<string, Working[]> {
  const groups = new Map<string, Working[]>();
  for (const mention of mentions) {
    const key = mention.words.join(' ');
    const group = groups.get(key);
    if (group) group.push(mention);
    else groups.set(key, [mention]);
  }
  return groups;
}

/** The mean probability the group's mentions give `type`. */
function meanScoreOf(members: readonly Working[], type: EntityType | undefined): number {
  const t = TAGGER_TYPES.indexOf(type as (typeof TAGGER_TYPES)[number]);
  if (t < 0 || members.length === 0) return 0;
  return members.reduce((sum, m) => sum + (m.scores[t] ?? 0), 0) / members.length;
}

function topType(members: readonly Working[]): EntityType {
  const totals = TAGGER_TYPES.map((_, t) => members.reduce((sum, m) => sum + (m.scores[t] ?? 0), 0));
  return TAGGER_TYPES[argmax(totals)] ?? 'MISC';
}

/**
 * Where short forms find their longer name: a person's surname (last word) → the full names
 * ending in it; an organisation's leading words → the names they open. Built once per page, so
 * the lookups stay linear in the page's length.
 */
function indexLongerNames(
  groups: ReadonlyMap<string, readonly Working[]>,
  decided: ReadonlyMap<string, EntityType>,
): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const add = (short: string, key: string) => index.set(short, (index.get(short) ?? new Set()).add(key));
  for (const [key, members] of groups) {
    const words = members[0]?.words ?? [];
    // A handle or hashtag ("@Uber_Sydney") is not a full name: "Sydney" is not its surname.
    if (words.length < 2 || words.some((word) => /[_@#]/u.test(word))) continue;
    const type = decided.get(key);
    if (type === 'PER') add(words.at(-1) ?? '', key);
    if (type === 'ORG') for (let n = 1; n < words.length; n++) add(words.slice(0, n).join(' '), key);
  }
  return index;
}

/** The one longer name a mention is a short form of; undefined when there is none or the candidates disagree on the type. */
function longerOwner(
  mention: Working,
  index: ReadonlyMap<string, ReadonlySet<string>>,
  decided: ReadonlyMap<string, EntityType>,
  confidence: ReadonlyMap<string, number>,
): string | undefined {
  const key = mention.words.join(' ');
  const own = decided.get(key);
  // A word the tagger reads as a place, confidently, wherever the page uses it alone ("in
  // downtown Sydney") stays a place beside a person who shares it.
  if (own === 'LOC' && (confidence.get(key) ?? 0) >= CONFIDENT_PLACE) return undefined;
  // A place or nationality that opens an organisation's name ("Chicago" of "Chicago Cubs", "Iraqi"
  // of "Iraqi National Congress") is usually still the place: only people and organisations follow.
  const owners = [...(index.get(key) ?? [])].filter((key) =>
    decided.get(key) === 'PER' ? mention.words.length === 1 : own === 'PER' || own === 'ORG',
  );
  const types = new Set(owners.map((key) => decided.get(key)));
  return types.size === 1 ? owners[0] : undefined;
}

function argmax(values: readonly number[]): number {
  let best = 0;
  values.forEach((value, i) => {
    if (value > (values[best] ?? -Infinity)) best = i;
  });
  return best;
}
