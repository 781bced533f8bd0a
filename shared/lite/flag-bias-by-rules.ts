import type { BiasCategory, BiasFlag, Cue, Span } from '../protocol/results';
import { explainBiasFlag } from './explain-bias-flag';
import { matchBiasCues, type CueMatch } from './match-bias-cues';
import { rewordNeutrally } from './reword-neutrally';

/** Flags weaker than this are dropped: one weak cue ("perhaps", "completely") or one quoted cue. */
const MIN_SCORE = 0.35;
/** Words inside a quotation are the speaker's, not the writer's. */
const QUOTED_WEIGHT = 0.3;
/** "experts agree" inside a sentence that names its source ("according to Dr. Okafor"). */
const ATTRIBUTED_WEIGHT = 0.35;
const ATTRIBUTION = /\baccording to (?:the )?\p{Lu}|\b(?:said|says|told|wrote|writes)\b/u;

/**
 * Flags biased passages with Loupe's cue lexicon: one flag per sentence and category, spanning
 * the sentence, carrying the cue words with offsets, a score from how many and how strong the
 * cues are, an explanation naming them, and a neutral rewording where every cue has one. Cues
 * inside quotations count for less (the writer is quoting), and unattributed-claim cues count
 * for less in a sentence that names its source.
 */
export function flagBiasByRules(text: string, sentences: readonly Span[]): BiasFlag[] {
  const quoted = quotedRanges(text);
  return sentences.flatMap((sentence) => {
    const byCategory = new Map<BiasCategory, CueMatch[]>();
    for (const match of matchBiasCues(text, sentence)) {
      byCategory.set(match.cue.category, [...(byCategory.get(match.cue.category) ?? []), match]);
    }
    return [...byCategory].flatMap(([category, matches]) => {
      const flag = buildFlag(text, sentence, category, matches, quoted);
      return flag ? [flag] : [];
    });
  });
}

function buildFlag(
  text: string, sentence: Span, category: BiasCategory, matches: readonly CueMatch[], quoted: readonly Span[],
): BiasFlag | null {
  const attributed = category === 'unattributed-claim' && ATTRIBUTION.test(text.slice(sentence.start, sentence.end));
  const cues: Cue[] = matches.map((m) => {
    const inQuote = quoted.some((q) => q.start <= m.start && m.end <= q.end);
    const weight = m.cue.strength * (inQuote ? QUOTED_WEIGHT : 1) * (attributed ? ATTRIBUTED_WEIGHT : 1);
    return { start: m.start, end: m.end, text: m.text, weight: round(weight) };
  });
  const score = round(1 - cues.reduce((keep, cue) => keep * (1 - cue.weight), 1));
  if (score < MIN_SCORE) return null;
  const flag: BiasFlag = {
    start: sentence.start,
    end: sentence.end,
    text: text.slice(sentence.start, sentence.end),
    category,
    score,
    explanation: explainBiasFlag(category, matches.map((m) => ({ text: m.text, suggestion: m.cue.suggestion }))),
    cues,
  };
  const suggestion = rewordNeutrally(text, sentence, matches);
  if (suggestion !== undefined && suggestion !== flag.text) flag.suggestion = suggestion;
  return flag;
}

/** Spans between quotation marks: “curly” pairs, and straight pairs within one paragraph. */
function quotedRanges(text: string): Span[] {
  const ranges: Span[] = [];
  for (const match of text.matchAll(/“[^”\n]*”|"[^"\n]*"/gu)) {
    ranges.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return ranges;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
