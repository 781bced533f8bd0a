import type { BiasCategory, BiasFlag, Cue, Span } from '../../protocol/results';
import { explainBiasFlag } from '../explain-bias-flag';
import type { CueMatch } from '../match-bias-cues';
import { rewordNeutrally } from '../reword-neutrally';
import type { SentenceJudgement } from './judge-sentence';
import type { ScoredSentence } from './score-loaded-words';

/** Lexicon categories a loaded word can carry into a model flag; any other word is loaded language. */
const WORD_CHOICE: ReadonlySet<BiasCategory> = new Set(['loaded-language', 'name-calling', 'exaggeration', 'framing-verb']);

/**
 * A flag for a sentence the loaded-word model judged loaded. Its cues are the words the model
 * rated loaded (never a masked name or number); its category is the lexicon category of the
 * strongest cue that Loupe's lexicon files under word choice (name-calling, exaggeration, a
 * framing verb), and loaded language otherwise — what the model was taught, from words
 * annotators marked as biased. The suggestion replaces the cue words with the lexicon's neutral
 * forms, and is left out unless every cue has one.
 */
export function describeModelFlag(text: string, scored: ScoredSentence, judged: SentenceJudgement): BiasFlag {
  const { sentence } = scored;
  const cues: Cue[] = judged.cues.map(({ word, probability }) => ({
    start: word.start,
    end: word.end,
    text: word.text,
    weight: round(probability),
  }));
  const known = cues
    .map((cue) => matchOf(scored.cueMatches, cue))
    .filter((m): m is CueMatch => m !== undefined && WORD_CHOICE.has(m.cue.category));
  const category: BiasCategory = known[0]?.cue.category ?? 'loaded-language';
  return {
    start: sentence.start,
    end: sentence.end,
    text: text.slice(sentence.start, sentence.end),
    category,
    score: round(judged.score),
    cues,
    ...describeCues(text, sentence, category, cues, scored.cueMatches),
  };
}

function matchOf(cueMatches: readonly CueMatch[], cue: Span): CueMatch | undefined {
  return cueMatches.find((m) => m.start < cue.end && cue.start < m.end);
}

/**
 * The explanation of a word-choice flag with these `cues` (every cue named), and a neutral
 * rewording when the lexicon (`cueMatches`, the sentence's lexicon matches) has a neutral form
 * for every cue: a rewording that left one of them in place would not be neutral.
 */
export function describeCues(
  text: string,
  sentence: Span,
  category: BiasCategory,
  cues: readonly Cue[],
  cueMatches: readonly CueMatch[],
): { explanation: string; suggestion?: string } {
  const matches = cues.map((cue) => matchOf(cueMatches, cue));
  const explanation = explainModelFlag(category, cues, matches);
  if (!matches.every((m) => m?.cue.suggestion !== undefined)) return { explanation };
  const unique = matches.filter((m, i): m is CueMatch => m !== undefined && matches.indexOf(m) === i);
  const suggestion = rewordNeutrally(text, sentence, unique);
  return suggestion !== undefined && suggestion !== text.slice(sentence.start, sentence.end)
    ? { explanation, suggestion }
    : { explanation };
}

/**
 * "'slammed' and 'radical' are loaded language: they tell the reader how to feel. A neutral
 * word: 'criticized'." — every cue named, in the words of the flag's category, with the
 * lexicon's neutral forms where it has them (the flag's score travels beside it).
 */
export function explainModelFlag(category: BiasCategory, cues: readonly Cue[], matches: readonly (CueMatch | undefined)[]): string {
  const explained = cues.map((cue, i) => ({
    text: cue.text,
    ...(matches[i]?.cue.suggestion !== undefined && { suggestion: matches[i]!.cue.suggestion }),
  }));
  return explainBiasFlag(category, explained);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
