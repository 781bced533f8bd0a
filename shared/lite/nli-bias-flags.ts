import type { PageHints } from '../protocol/page-hints';
import type { Bias, BiasCategory, BiasFlag, Provenance, Span } from '../protocol/results';
import { segmentSentences } from '../text/segment-sentences';
import { explainBiasFlag } from './explain-bias-flag';
import { matchBiasCues, type CueMatch } from './match-bias-cues';
import { classifySentences } from './page/classify-sentences';
import { judgedSentences } from './page/profile-page';

/**
 * How a zero-shot NLI model (full tier) decides bias flags, shared by the daemon and the
 * browser: each sentence is tested against "This sentence is biased." vs "… neutral.".
 */
export const NLI_BIAS_LABELS = ['biased', 'neutral'] as const;
export const NLI_BIAS_HYPOTHESIS = 'This sentence is {}.';
/** A sentence the NLI model rates at least this likely "biased" (vs "neutral") is flagged. */
export const NLI_BIAS_THRESHOLD = 0.6;

/** The model's answer for one sentence, as a zero-shot pipeline gives it. */
export interface NliScores {
  readonly labels: readonly string[];
  readonly scores: readonly number[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * The sentences the model should judge: none when the lite result withheld bias flags for this
 * page (a recipe, a product page), else the page's own statements, as for the lite tier.
 */
export function nliCandidateSentences(text: string, lite: Bias, page?: PageHints): Span[] {
  if (lite.withheld) return [];
  const sentences = segmentSentences(text);
  return judgedSentences(sentences, classifySentences(text, sentences, page?.blocks));
}

/** The probability the model gives the "biased" label. */
export function biasedScore(result: NliScores | undefined): number {
  return result ? result.scores[result.labels.indexOf(NLI_BIAS_LABELS[0])] ?? 0 : 0;
}

function modelSentence(id: string, score: number, cueSource: string): string {
  return ` ${id} rates this sentence ${Math.round(score * 100)}% likely biased; that model gives no word attributions, so the words shown come from ${cueSource}.`;
}

/** Flags from Loupe's cue lexicon for one sentence (weak cues included: the model has spoken). */
function lexiconFlags(text: string, sentence: Span, score: number, id: string): BiasFlag[] {
  const byCategory = new Map<BiasCategory, CueMatch[]>();
  for (const match of matchBiasCues(text, sentence)) byCategory.set(match.cue.category, [...(byCategory.get(match.cue.category) ?? []), match]);
  return [...byCategory].map(([category, matches]) => ({
    start: sentence.start, end: sentence.end, text: sentence.text, category, score: round(score),
    explanation: explainBiasFlag(category, matches.map((m) => ({ text: m.text, suggestion: m.cue.suggestion }))) + modelSentence(id, score, "Loupe's cue lexicon"),
    cues: matches.map((m) => ({ start: m.start, end: m.end, text: m.text, weight: m.cue.strength })),
  }));
}

/**
 * The flags for one sentence the model rated `score` biased (none below the threshold). The model
 * gives no word attributions, so category and cue words come from the lite result for that
 * sentence, else from Loupe's cue lexicon; an empty list above the threshold means the sentence
 * could not be explained.
 */
export function nliSentenceFlags(text: string, sentence: Span, score: number, modelId: string, lite: Bias): BiasFlag[] {
  if (score < NLI_BIAS_THRESHOLD) return [];
  const fromLite = lite.flags.filter((f) => overlaps(f, sentence)).map((f) => ({
    ...f, score: round(score), explanation: f.explanation + modelSentence(modelId, score, `the lite tier (${lite.provenance.model})`),
  }));
  return fromLite.length ? fromLite : lexiconFlags(text, sentence, score, modelId);
}

/** The final result: flags in document order; unexplained sentences counted in the note. */
export function nliBiasResult(flags: readonly BiasFlag[], unexplained: number, provenance: Provenance): Bias {
  const note = unexplained ? `${unexplained} sentence${unexplained === 1 ? '' : 's'} the model rated biased had no cue words to show and ${unexplained === 1 ? 'was' : 'were'} not flagged` : undefined;
  return { flags: [...flags].sort((a, b) => a.start - b.start || a.end - b.end), provenance: { ...provenance, ...(note ? { note } : {}) } };
}
