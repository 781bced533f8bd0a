import type { Cue } from '../../protocol/results';
import { STOPWORDS } from '../../text/stopwords';
import type { BiasClassifierConfig } from './bias-classifier-config';
import type { ScoredSentence } from './score-bias-sentences';

/**
 * The words that pushed a sentence's score up most. Each feature's contribution (from the model
 * run) is shared equally among the words that produced it (a bigram splits between its two words,
 * a character n-gram goes to its word, a cue-category count to the cue's words); words are ranked
 * by their total. Function words ("the", "of") and bare numbers are left out: they carry topic or
 * outlet habits, not wording a reader could change. Returns at most `config.maxCues` words whose
 * total is at least `config.minCueContribution`, strongest first, with offsets into the text.
 */
export function attributeBiasCues(scored: ScoredSentence, config: BiasClassifierConfig): Cue[] {
  const { tokens, sources } = scored.features;
  const perToken = new Float64Array(tokens.length);
  sources.forEach((words, k) => {
    const share = (scored.contributions[k] ?? 0) / Math.max(1, words.length);
    for (const t of words) perToken[t]! += share;
  });
  return tokens
    .map((token, t) => ({ ...token, weight: perToken[t]! }))
    .filter((cue) => isContentWord(cue.text) && cue.weight >= config.minCueContribution && cue.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.start - b.start)
    .slice(0, config.maxCues)
    .map((cue) => ({ start: cue.start, end: cue.end, text: cue.text, weight: Math.round(cue.weight * 1000) / 1000 }));
}

function isContentWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/’/gu, "'");
  return !STOPWORDS.has(lower) && /\p{L}/u.test(lower);
}
