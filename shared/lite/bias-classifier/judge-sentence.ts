import type { BiasClassifierConfig } from './bias-classifier-config';
import type { ScoredSentence, ScoredWord } from './score-loaded-words';

/** What the model says about one sentence. */
export interface SentenceJudgement {
  /** Words at or above `cueThreshold`, strongest first, at most `maxCues`. */
  readonly cues: readonly ScoredWord[];
  /** 1 − Π(1 − p) over every cue word: how likely at least one of them is loaded. */
  readonly score: number;
  /** Whether the sentence is flagged: a cue rated at least `strongCue`, and a score at or above `threshold`. */
  readonly flagged: boolean;
}

/**
 * Judges a sentence from its scored words alone: only words the model rates as loaded count
 * (less those the lexicon's context rules excuse here, and the words of a statement the writer
 * quotes: "We feel that is ridiculous," she said, is her word choice, credited to her, not the
 * writer's), and one of them must be rated more
 * likely loaded than not (`strongCue`): two weak words ("storm", "flood" in a flood report) never
 * make a flag together, and a sentence with no such word is never flagged, whatever else it holds.
 */
export function judgeSentence(
  sentence: ScoredSentence,
  config: Pick<BiasClassifierConfig, 'cueThreshold' | 'strongCue' | 'threshold' | 'maxCues'>,
): SentenceJudgement {
  const loaded = sentence.scored.filter((w) => w.probability >= config.cueThreshold && !w.word.excused && !w.word.speech);
  const score = 1 - loaded.reduce((keep, w) => keep * (1 - w.probability), 1);
  const cues = [...loaded].sort((a, b) => b.probability - a.probability || a.word.start - b.word.start).slice(0, config.maxCues);
  return { cues, score, flagged: (cues[0]?.probability ?? 0) >= config.strongCue && score >= config.threshold };
}
