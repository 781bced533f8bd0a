import type { BiasCategory, BiasFlag, Cue, Span } from '../protocol/results';
import { explainBiasFlag, type ExplainedCue } from './explain-bias-flag';
import { findPersuasionCues } from './find-persuasion-cues';
import { findUnattributedClaims, type VagueSource } from './find-unattributed-claims';
import { matchBiasCues, type CueMatch } from './match-bias-cues';
import { rewordNeutrally } from './reword-neutrally';
import { insideQuotes, quotedRanges } from './sentence-attribution';

/** Flags weaker than this are dropped: one weak cue ("perhaps", "completely") or one quoted cue. */
const MIN_SCORE = 0.35;
/** Words inside a quotation are the speaker's, not the writer's. */
const QUOTED_WEIGHT = 0.3;

/**
 * The categories a trained loaded-word model judges when it runs: the lexicon's cues of these
 * categories then only add to the model's flags (the lexicon also feeds the model).
 */
export const MODEL_CATEGORIES: ReadonlySet<BiasCategory> = new Set(['loaded-language', 'name-calling']);

/** Options of {@link flagBiasByRules}. */
export interface RuleOptions {
  /** Keep flags from this score up (default: drop one weak cue or one quoted cue alone). */
  readonly minScore?: number;
}

/**
 * Flags passages with Loupe's hand-written cues: the word lexicon (loaded language,
 * name-calling, exaggeration, framing verbs, vague hedges), the persuasion-technique patterns
 * and unattributed claims. One flag per sentence and category, spanning the sentence, with the
 * cue words, a score from how many and how strong the cues are, an explanation naming them and
 * a neutral rewording where every cue has one. A pattern's words are not also lexicon cues; cues
 * inside quotations count for less (the writer is quoting).
 */
export function flagBiasByRules(text: string, sentences: readonly Span[], options: RuleOptions = {}): BiasFlag[] {
  const quoted = quotedRanges(text);
  return sentences.flatMap((sentence) => {
    const byCategory = new Map<BiasCategory, CueMatch[]>();
    for (const match of sentenceCues(text, sentence)) {
      byCategory.set(match.cue.category, [...(byCategory.get(match.cue.category) ?? []), match]);
    }
    return [...byCategory].flatMap(([category, matches]) => {
      const flag = buildFlag(text, sentence, category, matches, quoted, options.minScore ?? MIN_SCORE);
      return flag ? [flag] : [];
    });
  });
}

/** Pattern cues (claims, persuasion) first; lexicon cues only where no pattern already spoke. */
function sentenceCues(text: string, sentence: Span): CueMatch[] {
  const patterns = [...findUnattributedClaims(text, sentence), ...findPersuasionCues(text, sentence)];
  const words = matchBiasCues(text, sentence).filter((m) => !patterns.some((p) => p.start < m.end && m.start < p.end));
  return [...patterns, ...words].sort((a, b) => a.start - b.start);
}

function buildFlag(
  text: string,
  sentence: Span,
  category: BiasCategory,
  matches: readonly CueMatch[],
  quoted: readonly Span[],
  minScore: number,
): BiasFlag | null {
  const cues: Cue[] = matches.map((m) => {
    const weight = m.cue.strength * (insideQuotes(quoted, m.start, m.end) ? QUOTED_WEIGHT : 1);
    return { start: m.start, end: m.end, text: m.text, weight: round(weight) };
  });
  const score = round(1 - cues.reduce((keep, cue) => keep * (1 - cue.weight), 1));
  if (score < minScore) return null;
  const flag: BiasFlag = {
    start: sentence.start,
    end: sentence.end,
    text: text.slice(sentence.start, sentence.end),
    category,
    score,
    explanation: explainBiasFlag(category, matches.map(explainedCue)),
    cues,
  };
  const suggestion = rewordNeutrally(text, sentence, matches);
  if (suggestion !== undefined && suggestion !== flag.text) flag.suggestion = suggestion;
  return flag;
}

function explainedCue(match: CueMatch & { source?: VagueSource }): ExplainedCue {
  return {
    text: match.text,
    ...(match.cue.suggestion !== undefined && { suggestion: match.cue.suggestion }),
    ...(match.source && { source: match.source }),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
