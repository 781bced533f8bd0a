import type { BiasFlag, Cue, Span } from '../../protocol/results';
import { stemWord } from '../../text/stem-word';
import { STOPWORDS } from '../../text/stopwords';
import { tokenizeWords } from '../../text/tokenize-words';
import { explainBiasFlag } from '../explain-bias-flag';
import type { BiasModel } from '../lite-models';

/** A word is a cue when the title without it scores at least this much lower. */
const CUE_DROP = 0.1;
/** Words that carry a title's grammar, not its tease: never shown as a cue. */
const GLUE = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'at',
  'for',
  'to',
  'and',
  'or',
  'but',
  'with',
  'by',
  'from',
  'as',
  'is',
  'are',
  'was',
  'were',
]);
/** Sentences after the title read as the article's opening. */
const OPENING = 3;

type TitleScorer = Required<Pick<BiasModel, 'scoreTitles'>>;

/** "Headline — Site name" → "Headline": the longest part around a site separator. */
export function headlineOf(title: string): string {
  const parts = title
    .split(/\s+[|—–·»:]\s+|\s+-\s+/u)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** Where the headline appears in the text (case and spacing aside), within its first part. */
function locate(text: string, headline: string): Span | undefined {
  const words = headline
    .split(/\s+/u)
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  if (words.length === 0) return undefined;
  const match = new RegExp(words.join('\\s+'), 'iu').exec(text.slice(0, 5000));
  return match ? { start: match.index, end: match.index + match[0].length, text: match[0] } : undefined;
}

/**
 * Judges the page title against its body: a clickbait flag on the title where it appears in the
 * text, when the clickbait head rates it at or above its threshold and some of its words carry
 * that rating (a word is a cue when the title without it scores {@link CUE_DROP} lower). A
 * title only mildly catchy whose words the article's opening already states is left alone: the
 * body delivers what it promises. The explanation says when the opening does not either.
 */
export async function flagClickbaitTitle(
  text: string,
  title: string | undefined,
  opening: readonly Span[],
  scorer: TitleScorer,
): Promise<BiasFlag | undefined> {
  const headline = title ? headlineOf(title) : '';
  const where = headline ? locate(text, headline) : undefined;
  if (!where) return undefined;
  const words = tokenizeWords(where.text).filter((t) => /\p{L}/u.test(t.text));
  const variants = words.map((w) => `${where.text.slice(0, w.start)}${where.text.slice(w.end)}`);
  const {
    probabilities: [probability = 0, ...without],
    threshold,
  } = await scorer.scoreTitles([where.text, ...variants]);
  if (probability < threshold) return undefined;
  const cues: Cue[] = words
    .map((w, i) => ({
      start: where.start + w.start,
      end: where.start + w.end,
      text: w.text,
      weight: round(probability - (without[i] ?? probability)),
    }))
    .filter((cue) => cue.weight >= CUE_DROP && !GLUE.has(cue.text.toLowerCase()))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .sort((a, b) => a.start - b.start);
  if (cues.length === 0) return undefined;
  const told = coverage(where.text, opening.filter((s) => s.start >= where.end).slice(0, OPENING));
  if (told >= 0.6 && probability < (1 + threshold) / 2) return undefined;
  const body = told < 0.3 ? ' The opening of the article does not say it either.' : '';
  return {
    ...where,
    category: 'clickbait',
    score: round(probability),
    cues,
    explanation: `${explainBiasFlag('clickbait', cues)}${body}`,
  };
}

/** The share of the title's content words (stemmed) that the opening sentences use. */
function coverage(title: string, opening: readonly Span[]): number {
  const content = (s: string) =>
    tokenizeWords(s)
      .map((t) => t.text.toLowerCase())
      .filter((w) => /^\p{L}{4,}$/u.test(w) && !STOPWORDS.has(w))
      .map(stemWord);
  const wanted = new Set(content(title));
  if (wanted.size === 0) return 0;
  const said = new Set(opening.flatMap((s) => content(s.text)));
  return [...wanted].filter((w) => said.has(w)).length / wanted.size;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
