import type { BiasClassifierConfig } from './bias-classifier-config';
import type { ScoredSentence, ScoredWord } from './score-loaded-words';

/** What the model says about one sentence. */
export interface SentenceJudgement {
  /** Words at or above `cueThreshold`, strongest first, at most `maxCues`. */
  readonly cues: readonly ScoredWord[];
  /** 1 − Π(1 − p) over every cue word: how likely at least one of them is loaded. */
  readonly score: number;
  /** Whether the sentence is flagged: some cue, and a score at or above `threshold`. */
  readonly flagged: boolean;
}

/**
 * Judges a sentence from its scored words alone: only words the model rates as loaded count
 * (less those the lexicon's context rules excuse here), so a sentence with no such word is
 * never flagged, whatever else it holds.
 */
export function judgeSentence(sentence: ScoredSentence, config: Pick<BiasClassifierConfig, 'cueThreshold' | 'threshold' | 'maxCues'>): SentenceJudgement {
  const loaded = sentence.scored.filter((w) => w.probability >= config.cueThreshold && !w.word.excused);
  const score = 1 - loaded.reduce((keep, w) => keep * (1 - w.probability), 1);
  const cues = [...loaded].sort((a, b) => b.probability - a.probability || a.word.start - b.word.start).slice(0, config.maxCues);
  return { cues, score, flagged: cues.length > 0 && score >= config.threshold };
}
