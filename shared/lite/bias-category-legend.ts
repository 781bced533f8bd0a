import type { BiasCategory } from '../protocol/results';

/** How loudly a category is shown: `quiet` ones are hints (a muted mark), not alarms. */
export type BiasSeverity = 'alert' | 'quiet';

/** What the reader sees for one category: its name, a one-line legend and how loudly it shows. */
export interface BiasCategoryInfo {
  /** Plural heading for a group of flags, e.g. "Loaded language". */
  readonly label: string;
  /** One plain line that says what the category means and why it matters. */
  readonly legend: string;
  readonly severity: BiasSeverity;
}

/**
 * The words the side panel, the in-page cards and the exports use for each flag category, so
 * they all say the same thing.
 */
export const BIAS_CATEGORY_LEGEND: Readonly<Record<BiasCategory, BiasCategoryInfo>> = {
  'loaded-language': {
    label: 'Loaded language',
    legend: 'Words that tell you how to feel about something instead of describing it.',
    severity: 'alert',
  },
  'name-calling': {
    label: 'Name-calling',
    legend: 'A label pinned on a person or group to make you dislike them, in place of saying what they did.',
    severity: 'alert',
  },
  exaggeration: {
    label: 'Exaggeration',
    legend: 'Absolutes and superlatives ("the worst ever", "totally") that make something sound bigger than the facts show.',
    severity: 'alert',
  },
  'framing-verb': {
    label: 'Framing verbs',
    legend: 'Verbs like "admitted" or "claimed" that judge a statement while reporting it.',
    severity: 'alert',
  },
  'appeal-to-fear': {
    label: 'Appeal to fear',
    legend: 'Warnings of danger or disaster meant to alarm you rather than inform you.',
    severity: 'alert',
  },
  'doubt-casting': {
    label: 'Doubt-casting',
    legend: "Questions someone's honesty or standing without evidence, so you distrust them.",
    severity: 'alert',
  },
  'flag-waving': {
    label: 'Flag-waving',
    legend: 'Appeals to patriotism or group pride ("real Americans") in place of an argument.',
    severity: 'alert',
  },
  'causal-oversimplification': {
    label: 'Causal oversimplification',
    legend: 'One cause blamed for an outcome that usually has several.',
    severity: 'alert',
  },
  'false-dilemma': {
    label: 'False dilemma / whataboutism',
    legend: 'Only two options offered when there are more, or a charge answered by pointing at someone else.',
    severity: 'alert',
  },
  'unattributed-claim': {
    label: 'Unattributed claims',
    legend: 'A claim credited to no one ("some say", "studies show"): the text should name who says it.',
    severity: 'alert',
  },
  hedge: {
    label: 'Vague claims',
    legend: 'Vague about who holds a view or how much ("reportedly", "widely regarded"); worth a second look.',
    severity: 'quiet',
  },
  clickbait: {
    label: 'Clickbait title',
    legend: 'A title that teases or withholds what the article says, to make you click.',
    severity: 'alert',
  },
};

/** Whether a flag is an alarm (tinted, counted as flagged), not a quiet hint. */
export function isAlert(flag: { readonly category: BiasCategory }): boolean {
  return BIAS_CATEGORY_LEGEND[flag.category].severity === 'alert';
}
