import type { BiasFlag, Span } from '../protocol/results';
import { flagClickbaitTitle } from './clickbait/flag-clickbait-title';
import { describeCues } from './bias-classifier/describe-model-flag';
import { flagBiasByRules, MODEL_CATEGORIES } from './flag-bias-by-rules';
import { matchBiasCues } from './match-bias-cues';
import type { BiasModel } from './lite-models';
import { pageSubjectWords, withoutSubjectCues } from './page-subject-words';

/** What {@link flagBiasLite} judges besides the sentences. */
export interface FlagBiasLiteOptions {
  /** The trained model; without it the lexicon judges word choice too. */
  readonly model?: BiasModel;
  /** The page title, judged for clickbait against the text that follows it. */
  readonly title?: string;
  /** The page's headings: with the title, they say what the page is about. */
  readonly headings?: readonly string[];
}

/**
 * Every lite flag for `sentences` (the page's own statements): the trained model's loaded-word
 * flags, the rules that run beside it (persuasion techniques, unattributed claims, vague
 * claims, exaggeration and framing verbs; all word choice when there is no model), and a
 * clickbait flag on the title. A sentence gets one flag per category: the model's and the
 * rules' flags of one category on one sentence become one, with both sets of cues; the word
 * lexicon's cues join a model flag but never make one. Words the page is about are never a cue
 * (see {@link pageSubjectWords}).
 */
export async function flagBiasLite(text: string, sentences: readonly Span[], options: FlagBiasLiteOptions = {}): Promise<BiasFlag[]> {
  const { model } = options;
  const fromModel = model ? await model.flag(text, sentences) : [];
  const fromRules = flagBiasByRules(text, sentences);
  // Beside a model, the lexicon's word-choice cues only add to the model's own flags.
  const modelFlags = new Set(fromModel.map(flagKey));
  const beside = model ? fromRules.filter((r) => !MODEL_CATEGORIES.has(r.category) || modelFlags.has(flagKey(r))) : fromRules;
  const subject = pageSubjectWords(text, sentences, [options.title ?? '', ...(options.headings ?? [])]);
  const flags = withoutSubjectCues(mergeFlags(text, fromModel, beside), subject);
  if (model?.scoreTitles && options.title) {
    const clickbait = await flagClickbaitTitle(text, options.title, sentences, { scoreTitles: model.scoreTitles.bind(model) });
    if (clickbait) flags.push(clickbait);
  }
  return flags.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * `first` with each flag of `second` merged into the flag of the same sentence and category, or
 * added; a merged flag is explained (and reworded) over all its cues.
 */
function mergeFlags(text: string, first: readonly BiasFlag[], second: readonly BiasFlag[]): BiasFlag[] {
  const merged = [...first];
  const indexOf = new Map(merged.map((flag, i) => [flagKey(flag), i]));
  for (const flag of second) {
    const at = indexOf.get(flagKey(flag));
    if (at === undefined) {
      indexOf.set(flagKey(flag), merged.length);
      merged.push(flag);
      continue;
    }
    const kept = merged[at]!;
    const added = flag.cues.filter((c) => !kept.cues.some((k) => k.start < c.end && c.start < k.end));
    if (added.length === 0) {
      merged[at] = { ...kept, score: Math.max(kept.score, flag.score) };
      continue;
    }
    // With the other's words added, the explanation names them all and a rewording must change them all.
    const cues = [...kept.cues, ...added].sort((a, b) => a.start - b.start);
    const { suggestion: _stale, ...rest } = kept;
    merged[at] = {
      ...rest,
      score: Math.max(kept.score, flag.score),
      cues,
      ...describeCues(text, kept, kept.category, cues, matchBiasCues(text, kept)),
    };
  }
  return merged;
}

/** One key per sentence and category: flags with the same key are one flag. */
function flagKey(flag: BiasFlag): string {
  return `${flag.start}:${flag.end}:${flag.category}`;
}
