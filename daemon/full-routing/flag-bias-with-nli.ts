import { explainBiasFlag } from '../../shared/lite/explain-bias-flag';
import { matchBiasCues, type CueMatch } from '../../shared/lite/match-bias-cues';
import type { Bias, BiasCategory, BiasFlag, Span } from '../../shared/protocol/results';
import { segmentSentences } from '../../shared/text/segment-sentences';
import { LoupeError } from '../../shared/protocol/errors';
import { DEFAULT_BIAS_LABELS, type FullEngine } from '../full/full-engine';
import type { Progress } from '../server/replies';

/** A sentence the NLI model rates at least this likely "biased" (vs "neutral") is flagged. */
export const NLI_BIAS_THRESHOLD = 0.6;
const BIASED = DEFAULT_BIAS_LABELS[0] ?? 'biased';

const round = (n: number) => Math.round(n * 1000) / 1000;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

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

/** The lite flags inside `sentence` (classifier attributions or lexicon cues), rescored by the model. */
function liteFlags(lite: Bias, sentence: Span, score: number, id: string): BiasFlag[] {
  return lite.flags.filter((f) => overlaps(f, sentence)).map((f) => ({
    ...f, score: round(score), explanation: f.explanation + modelSentence(id, score, `the lite tier (${lite.provenance.model})`),
  }));
}

/**
 * Bias flags decided by the zero-shot NLI model: every sentence is tested against "This
 * sentence is biased." vs "… neutral.", and those it rates at least NLI_BIAS_THRESHOLD become
 * flags. Their category and cue words come from the lite result for that sentence, else from
 * Loupe's cue lexicon; a sentence with no cue word at all cannot be explained and is left
 * unflagged (counted in the provenance note). Progress is reported per sentence as stage `bias`.
 */
export async function flagBiasWithNli(engine: FullEngine, text: string, lite: Bias, signal: AbortSignal, onProgress?: (progress: Progress) => void): Promise<Bias> {
  const flags: BiasFlag[] = [];
  let unexplained = 0;
  let provenance: Bias['provenance'] | undefined;
  const sentences = segmentSentences(text);
  for (const [index, sentence] of sentences.entries()) {
    if (signal.aborted) throw new LoupeError('cancelled', 'Bias analysis cancelled: the tab was closed or the request was withdrawn.');
    const result = await engine.classify(sentence.text, [...DEFAULT_BIAS_LABELS]);
    onProgress?.({ stage: 'bias', completed: index + 1, total: sentences.length });
    provenance = result.provenance;
    const score = result.scores[result.labels.indexOf(BIASED)] ?? 0;
    if (score < NLI_BIAS_THRESHOLD) continue;
    const fromLite = liteFlags(lite, sentence, score, result.provenance.model);
    const found = fromLite.length ? fromLite : lexiconFlags(text, sentence, score, result.provenance.model);
    if (found.length === 0) unexplained++;
    flags.push(...found);
  }
  if (!provenance) return lite;
  const note = unexplained ? `${unexplained} sentence${unexplained === 1 ? '' : 's'} the model rated biased had no cue words to show and ${unexplained === 1 ? 'was' : 'were'} not flagged` : undefined;
  return { flags: flags.sort((a, b) => a.start - b.start || a.end - b.end), provenance: { ...provenance, ...(note ? { note } : {}) } };
}
