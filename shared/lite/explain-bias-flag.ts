import type { BiasCategory } from '../protocol/results';
import type { VagueSource } from './find-unattributed-claims';

/** A matched cue as the explanation names it. */
export interface ExplainedCue {
  readonly text: string;
  readonly suggestion?: string;
  /** For an unattributed claim: who the vague source stands for. */
  readonly source?: VagueSource;
}

/** Why each category matters, in plain words, after the cue list ("'x' is ..." / "'x' and 'y' are ..."). */
const WHY: Readonly<Record<Exclude<BiasCategory, 'unattributed-claim' | 'clickbait'>, { one: string; many: string }>> = {
  'loaded-language': {
    one: 'is loaded language: it tells the reader how to feel',
    many: 'are loaded language: they tell the reader how to feel',
  },
  'name-calling': {
    one: 'is name-calling: a label meant to make the reader dislike someone, in place of what they did',
    many: 'are name-calling: labels meant to make the reader dislike someone, in place of what they did',
  },
  exaggeration: {
    one: 'overstates: it makes a thing sound bigger than the facts show',
    many: 'overstate: they make a thing sound bigger than the facts show',
  },
  'framing-verb': {
    one: 'frames what was said as a fact or a confession instead of simply reporting it',
    many: 'frame what was said as fact or confession instead of simply reporting it',
  },
  'appeal-to-fear': {
    one: 'appeals to fear: it warns of danger to alarm the reader rather than show the risk',
    many: 'appeal to fear: they warn of danger to alarm the reader rather than show the risk',
  },
  'doubt-casting': {
    one: "casts doubt on someone's honesty or standing without showing evidence",
    many: "cast doubt on someone's honesty or standing without showing evidence",
  },
  'flag-waving': {
    one: 'waves the flag: it appeals to patriotism or group pride in place of an argument',
    many: 'wave the flag: they appeal to patriotism or group pride in place of an argument',
  },
  'causal-oversimplification': {
    one: 'pins an outcome on a single cause when it usually has several',
    many: 'pin an outcome on a single cause when it usually has several',
  },
  'false-dilemma': {
    one: 'narrows the choice to two options, or answers a charge by pointing elsewhere',
    many: 'narrow the choice to two options, or answer a charge by pointing elsewhere',
  },
  hedge: {
    one: 'is vague about who holds the view or how sure they are',
    many: 'are vague about who holds the view or how sure they are',
  },
};

/** Whom an unattributed claim should name, by the kind of vague source. */
const NAME_WHOM: Readonly<Record<VagueSource, string>> = {
  people: 'the text should say who says it',
  experts: 'the text should name the experts and where they work',
  research: 'the text should name the study: who ran it and where it was published',
  nobody: 'the text should say who believes or claims it',
};

/**
 * A plain-language reason for a flag that names its cue words, e.g. "'slammed' is loaded
 * language: it tells the reader how to feel. A neutral verb: 'criticized'." For an
 * unattributed claim it says whom the text should name ("'Studies show' names no one for this
 * claim: the text should name the study: ...").
 */
export function explainBiasFlag(category: BiasCategory, cues: readonly ExplainedCue[]): string {
  const names = [...new Set(cues.map((cue) => `'${cue.text}'`))];
  if (category === 'unattributed-claim') {
    const whom = NAME_WHOM[cues.find((cue) => cue.source)?.source ?? 'people'];
    return `${joinWords(names)} name${names.length === 1 ? 's' : ''} no one for this claim: ${whom}.`;
  }
  if (category === 'clickbait')
    return `${joinWords(names)} tease${names.length === 1 ? 's' : ''} instead of telling what the article says.`;
  const why = names.length === 1 ? WHY[category].one : WHY[category].many;
  return `${joinWords(names)} ${why}.${neutralHint(category, cues)}`;
}

function neutralHint(category: BiasCategory, cues: readonly ExplainedCue[]): string {
  const replacements = [...new Set(cues.map((cue) => cue.suggestion).filter((s): s is string => s !== undefined && s !== ''))];
  const droppable = cues.some((cue) => cue.suggestion === '');
  const noun = category === 'framing-verb' ? 'verb' : 'word';
  if (replacements.length === 1) return ` A neutral ${noun}: '${replacements[0]}'.`;
  if (replacements.length > 1) return ` Neutral ${noun}s: ${joinWords(replacements.map((r) => `'${r}'`))}.`;
  if (droppable) return ' The sentence says the same without it.';
  return '';
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
