import type { BiasFlag, Span } from '../protocol/results';
import { flagClickbaitTitle } from './clickbait/flag-clickbait-title';
import { flagBiasByRules } from './flag-bias-by-rules';
import type { BiasModel } from './lite-models';
import { pageSubjectWords, withoutSubjectCues } from './page-subject-words';

/** What {@link flagBiasLite} judges besides the sentences. */
export interface FlagBiasLiteOptions {
  /** The trained model; without it the lexicon judges word choice too. */
  readonly model?: BiasModel;
  /** The page title, judged for clickbait against the text that follows it. */
  readonly title?: string;
}

/**
 * Every lite flag for `sentences` (the page's own statements): the trained model's loaded-word
 * flags, the rules that run beside it (persuasion techniques, unattributed claims, vague
 * claims, exaggeration and framing verbs; all word choice when there is no model), and a
 * clickbait flag on the title. A sentence gets one flag per category: the model's and the
 * rules' flags of one category on one sentence become one, with both sets of cues. Words the
 * page keeps using are its subject and never a cue (see {@link pageSubjectWords}).
 */
export async function flagBiasLite(text: string, sentences: readonly Span[], options: FlagBiasLiteOptions = {}): Promise<BiasFlag[]> {
  const { model } = options;
  const fromModel = model ? await model.flag(text, sentences) : [];
  const fromRules = flagBiasByRules(text, sentences, { besideModel: model !== undefined });
  const flags = withoutSubjectCues(mergeFlags(fromModel, fromRules), pageSubjectWords(text, sentences));
  if (model?.scoreTitles && options.title) {
    const clickbait = await flagClickbaitTitle(text, options.title, sentences, { scoreTitles: model.scoreTitles.bind(model) });
    if (clickbait) flags.push(clickbait);
  }
  return flags.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** `first` with each flag of `second` merged into the flag of the same sentence and category, or added. */
function mergeFlags(first: readonly BiasFlag[], second: readonly BiasFlag[]): BiasFlag[] {
  const merged = [...first];
  for (const flag of second) {
    const at = merged.findIndex((f) => f.start === flag.start && f.end === flag.end && f.category === flag.category);
    if (at < 0) {
      merged.push(flag);
      continue;
    }
    const kept = merged[at]!;
    const cues = [...kept.cues, ...flag.cues.filter((c) => !kept.cues.some((k) => k.start < c.end && c.start < k.end))].sort((a, b) => a.start - b.start);
    merged[at] = { ...kept, score: Math.max(kept.score, flag.score), cues, ...(kept.suggestion ?? flag.suggestion ? { suggestion: kept.suggestion ?? flag.suggestion } : {}) };
  }
  return merged;
}
