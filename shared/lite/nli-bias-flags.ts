import type { PageHints } from '../protocol/page-hints';
import type { Bias, BiasCategory, BiasFlag, Provenance, Span } from '../protocol/results';
import { segmentSentences } from '../text/segment-sentences';
import { flagBiasByRules } from './flag-bias-by-rules';
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

/**
 * The second question for a sentence rated biased: which of Loupe's categories it is, one
 * hypothesis per category ("This sentence is {}."), the same categories as the lite tier's
 * (clickbait is judged on titles, not sentences).
 */
export const NLI_CATEGORY_LABELS: Readonly<Record<Exclude<BiasCategory, 'clickbait'>, string>> = {
  'loaded-language': 'emotionally loaded',
  'name-calling': 'name-calling',
  exaggeration: 'exaggerated',
  'framing-verb': 'slanted reporting of what someone said',
  'appeal-to-fear': 'fearmongering',
  'doubt-casting': 'casting doubt on someone',
  'flag-waving': 'an appeal to patriotism',
  'causal-oversimplification': 'blaming a single cause',
  'false-dilemma': 'a false choice between two options',
  'unattributed-claim': 'a claim with no named source',
  hedge: 'vague about who says it',
};

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
  return result ? (result.scores[result.labels.indexOf(NLI_BIAS_LABELS[0])] ?? 0) : 0;
}

function modelSentence(id: string, score: number, cueSource: string): string {
  return ` ${id} rates this sentence ${Math.round(score * 100)}% likely biased; that model gives no word attributions, so the words shown come from ${cueSource}.`;
}

/** A flag the lite tier or the rules found in the sentence, and where its words come from. */
interface Explained {
  readonly flag: BiasFlag;
  readonly source: string;
}

/** The lite result's flags on `sentence`, else the rules' (every category, weak cues included: the model has spoken). */
function sentenceCandidates(text: string, sentence: Span, lite: Bias, withRules: boolean): Explained[] {
  const fromLite = lite.flags
    .filter((f) => overlaps(f, sentence))
    .map((flag) => ({ flag, source: `the lite tier (${lite.provenance.model})` }));
  if (fromLite.length > 0 && !withRules) return fromLite;
  const rules = flagBiasByRules(text, [sentence], { minScore: 0 })
    .filter((r) => !fromLite.some((l) => l.flag.category === r.category))
    .map((flag) => ({ flag, source: "Loupe's cue rules" }));
  return [...fromLite, ...rules];
}

function scored({ flag, source }: Explained, score: number, modelId: string, extra = ''): BiasFlag {
  return { ...flag, score: round(score), explanation: `${flag.explanation}${extra}${modelSentence(modelId, score, source)}` };
}

/**
 * The flags for one sentence the model rated `score` biased (none below the threshold). The model
 * gives no word attributions, so category and cue words come from the lite result for that
 * sentence, else from Loupe's cue rules (every category); an empty list above the threshold
 * means the sentence could not be explained.
 */
export function nliSentenceFlags(text: string, sentence: Span, score: number, modelId: string, lite: Bias): BiasFlag[] {
  if (score < NLI_BIAS_THRESHOLD) return [];
  return sentenceCandidates(text, sentence, lite, false).map((c) => scored(c, score, modelId));
}

/** The hypotheses of {@link NLI_CATEGORY_LABELS}, in order: what to classify a biased sentence against. */
export const NLI_CATEGORY_HYPOTHESES: readonly string[] = Object.values(NLI_CATEGORY_LABELS);

/**
 * The flags for a sentence rated `score` biased, with its category decided by the model's answer
 * to {@link NLI_CATEGORY_HYPOTHESES}: the likeliest category that has cue words in the sentence
 * (from the lite result, else the rules) wins, so the model picks the category and the words show
 * why. When none of its categories has a cue, this is {@link nliSentenceFlags}.
 */
export function nliCategoryFlags(
  text: string,
  sentence: Span,
  score: number,
  categories: NliScores | undefined,
  modelId: string,
  lite: Bias,
): BiasFlag[] {
  if (score < NLI_BIAS_THRESHOLD) return [];
  const candidates = sentenceCandidates(text, sentence, lite, true);
  const ranked = (Object.entries(NLI_CATEGORY_LABELS) as [BiasCategory, string][])
    .map(([category, label]) => ({ category, label, p: categories?.scores[categories.labels.indexOf(label)] ?? 0 }))
    .sort((a, b) => b.p - a.p);
  for (const { category, label, p } of categories ? ranked : []) {
    const found = candidates.filter((c) => c.flag.category === category);
    if (found.length > 0) return found.map((c) => scored(c, score, modelId, ` It reads most like ${label} (${Math.round(p * 100)}%).`));
  }
  return nliSentenceFlags(text, sentence, score, modelId, lite);
}

/** The final result: flags in document order; unexplained sentences counted in the note. */
export function nliBiasResult(flags: readonly BiasFlag[], unexplained: number, provenance: Provenance): Bias {
  const note = unexplained
    ? `${unexplained} sentence${unexplained === 1 ? '' : 's'} the model rated biased had no cue words to show and ${unexplained === 1 ? 'was' : 'were'} not flagged`
    : undefined;
  return { flags: [...flags].sort((a, b) => a.start - b.start || a.end - b.end), provenance: { ...provenance, ...(note ? { note } : {}) } };
}
