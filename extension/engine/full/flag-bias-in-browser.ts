import { explainBiasFlag } from '../../../shared/lite/explain-bias-flag';
import { matchBiasCues, type CueMatch } from '../../../shared/lite/match-bias-cues';
import type { Bias, BiasCategory, BiasFlag, Span } from '../../../shared/protocol/results';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import type { FullClassifyReply } from './full-engine-protocol';

// The daemon's NLI bias decision (daemon/full-routing/flag-bias-with-nli.ts), for the browser:
// the daemon's module imports its Node-only engine, so the same rules are restated here.
export const BIAS_LABELS = ['biased', 'neutral'];
export const BIAS_HYPOTHESIS_TEMPLATE = 'This sentence is {}.';
/** A sentence the NLI model rates at least this likely "biased" (vs "neutral") is flagged. */
export const NLI_BIAS_THRESHOLD = 0.6;

type Classify = (texts: string[], labels: string[], hypothesisTemplate: string) => Promise<FullClassifyReply>;

const round = (n: number) => Math.round(n * 1000) / 1000;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function modelSentence(id: string, score: number, cueSource: string): string {
  return ` ${id} rates this sentence ${Math.round(score * 100)}% likely biased; that model gives no word attributions, so the words shown come from ${cueSource}.`;
}

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
 * Every sentence is tested against "This sentence is biased." vs "… neutral." in one batch;
 * those rated at least NLI_BIAS_THRESHOLD become flags whose category and cue words come from
 * the lite result for that sentence, else from Loupe's cue lexicon. A sentence with no cue word
 * cannot be explained and is left unflagged (counted in the provenance note).
 */
export async function flagBiasInBrowser(text: string, lite: Bias, classify: Classify): Promise<Bias> {
  const sentences = segmentSentences(text);
  if (sentences.length === 0) return lite;
  const { results, provenance } = await classify(sentences.map((s) => s.text), BIAS_LABELS, BIAS_HYPOTHESIS_TEMPLATE);
  const flags: BiasFlag[] = [];
  let unexplained = 0;
  for (const [index, sentence] of sentences.entries()) {
    const result = results[index];
    const score = result ? result.scores[result.labels.indexOf(BIAS_LABELS[0]!)] ?? 0 : 0;
    if (score < NLI_BIAS_THRESHOLD) continue;
    const fromLite = lite.flags.filter((f) => overlaps(f, sentence)).map((f) => ({
      ...f, score: round(score), explanation: f.explanation + modelSentence(provenance.model, score, `the lite tier (${lite.provenance.model})`),
    }));
    const found = fromLite.length ? fromLite : lexiconFlags(text, sentence, score, provenance.model);
    if (found.length === 0) unexplained++;
    flags.push(...found);
  }
  const note = unexplained ? `${unexplained} sentence${unexplained === 1 ? '' : 's'} the model rated biased had no cue words to show and ${unexplained === 1 ? 'was' : 'were'} not flagged` : undefined;
  return { flags: flags.sort((a, b) => a.start - b.start || a.end - b.end), provenance: { ...provenance, ...(note ? { note } : {}) } };
}
