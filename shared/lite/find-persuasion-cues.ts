import type { Span } from '../protocol/results';
import type { CueMatch } from './match-bias-cues';
import { PERSUASION_PATTERNS } from './persuasion-patterns';

/**
 * Persuasion techniques inside `sentence` (appeal to fear, doubt-casting, flag-waving, causal
 * oversimplification, false dilemma and whataboutism), from Loupe's hand-written patterns.
 * Each hit is a cue of its technique's category; overlapping hits keep the first pattern's.
 */
export function findPersuasionCues(text: string, sentence: Span): CueMatch[] {
  const body = text.slice(sentence.start, sentence.end);
  const hits: CueMatch[] = [];
  for (const { category, pattern } of PERSUASION_PATTERNS) {
    for (const match of body.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))) {
      const words = match[0].trim();
      if (words === '') continue;
      const start = sentence.start + match.index + (match[0].length - match[0].trimStart().length);
      const end = start + words.length;
      if (hits.some((h) => h.start < end && start < h.end)) continue;
      hits.push({
        start,
        end,
        text: words,
        exact: true,
        cue: { words: words.toLowerCase().split(/\s+/u), category, strength: 0.7, inflect: false },
      });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
