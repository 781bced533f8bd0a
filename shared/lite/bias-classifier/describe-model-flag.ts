import type { BiasCategory, BiasFlag, Cue } from '../../protocol/results';
import { explainBiasFlag } from '../explain-bias-flag';
import type { CueMatch } from '../match-bias-cues';
import { rewordNeutrally } from '../reword-neutrally';
import type { ScoredSentence } from './score-bias-sentences';

/**
 * A flag for a sentence the classifier scored as biased. Its category is the cue-lexicon
 * category of the strongest cue word the lexicon knows; when none of the model's cue words is
 * in Loupe's lexicon it is 'loaded-language', because BABE's "biased" label (what the model
 * learned) marks opinionated, emotive wording, which is what that category means; hedges,
 * unattributed claims, framing verbs and intensifiers are only claimed when the lexicon says so.
 * The suggestion rewords every cue of the sentence that the lexicon has a neutral form for.
 */
export function describeModelFlag(text: string, scored: ScoredSentence, cues: readonly Cue[]): BiasFlag {
  const { sentence } = scored;
  const known = cues
    .map((cue) => scored.features.cueMatches.find((m) => m.start < cue.end && m.end > cue.start))
    .filter((match): match is CueMatch => match !== undefined);
  const category: BiasCategory = known[0]?.cue.category ?? 'loaded-language';
  const score = Math.round(scored.probability * 1000) / 1000;
  const flag: BiasFlag = {
    start: sentence.start,
    end: sentence.end,
    text: text.slice(sentence.start, sentence.end),
    category,
    score,
    explanation: explainModelFlag(cues, score, known.filter((m) => m.cue.category === category)),
    cues: [...cues],
  };
  // Reword every lexicon cue of the sentence that has a neutral form, not only the model's top words.
  const rewordable = scored.features.cueMatches.filter((m) => m.cue.suggestion !== undefined);
  const suggestion = rewordable.length > 0 ? rewordNeutrally(text, sentence, rewordable) : undefined;
  if (suggestion !== undefined && suggestion !== flag.text) flag.suggestion = suggestion;
  return flag;
}

/**
 * "Words like 'slammed' and 'radical' make this sentence read as opinion rather than report
 * (bias score 0.86)." followed, for cue words in Loupe's lexicon, by the lexicon's reason.
 */
export function explainModelFlag(cues: readonly Cue[], score: number, lexiconMatches: readonly CueMatch[]): string {
  const names = [...new Set(cues.map((cue) => `'${cue.text}'`))];
  const lead = names.length === 1 ? `The word ${names[0]} makes` : `Words like ${joinWords(names)} make`;
  const base = `${lead} this sentence read as opinion rather than report (bias score ${score.toFixed(2)}).`;
  const first = lexiconMatches[0];
  if (!first) return base;
  const unique = lexiconMatches.filter((m, i) => lexiconMatches.findIndex((o) => o.start === m.start) === i);
  return `${base} ${explainBiasFlag(first.cue.category, unique.map((m) => ({ text: m.text, suggestion: m.cue.suggestion })))}`;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
