import type { BiasCategory } from '../protocol/results';

/** A matched cue as the explanation names it. */
export interface ExplainedCue {
  readonly text: string;
  readonly suggestion?: string;
}

/** Why each category matters, in plain words; `{they}` is "it" or "they" after the cue list. */
const WHY: Readonly<Record<BiasCategory, { one: string; many: string }>> = {
  'loaded-language': {
    one: 'is loaded language: it tells the reader how to feel',
    many: 'are loaded language: they tell the reader how to feel',
  },
  hedge: {
    one: 'is a hedge: it hints at support or doubt without saying who holds it or how sure they are',
    many: 'are hedges: they hint at support or doubt without saying who holds it or how sure they are',
  },
  'unattributed-claim': {
    one: 'claims backing without naming a source: which experts, which study?',
    many: 'claim backing without naming a source: which experts, which study?',
  },
  'framing-verb': {
    one: 'frames what was said as a fact or a confession instead of simply reporting it',
    many: 'frame what was said as fact or confession instead of simply reporting it',
  },
  intensifier: {
    one: 'overstates: absolutes and intensifiers leave no room for exceptions',
    many: 'overstate: absolutes and intensifiers leave no room for exceptions',
  },
};

/**
 * A plain-language reason for a flag that names its cue words, e.g. "'slammed' is loaded
 * language: it tells the reader how to feel. A neutral verb: 'criticized'."
 */
export function explainBiasFlag(category: BiasCategory, cues: readonly ExplainedCue[]): string {
  const names = [...new Set(cues.map((cue) => `'${cue.text}'`))];
  const why = names.length === 1 ? WHY[category].one : WHY[category].many;
  return `${joinWords(names)} ${why}${why.endsWith('?') ? '' : '.'}${neutralHint(category, cues)}`;
}

function neutralHint(category: BiasCategory, cues: readonly ExplainedCue[]): string {
  const replacements = [...new Set(cues.map((cue) => cue.suggestion).filter((s): s is string => s !== undefined && s !== ''))];
  const droppable = cues.some((cue) => cue.suggestion === '');
  const noun = category === 'framing-verb' ? 'verb' : 'word';
  if (replacements.length === 1) return ` A neutral ${noun}: '${replacements[0]}'.`;
  if (replacements.length > 1) return ` Neutral ${noun}s: ${joinWords(replacements.map((r) => `'${r}'`))}.`;
  if (droppable) return ' The sentence says the same without it.';
  if (category === 'hedge') return ' Look for who actually holds the view.';
  return '';
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
