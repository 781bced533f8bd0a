import type { BiasFlag, Span } from '../protocol/results';
import { stemWord } from '../text/stem-word';
import { tokenizeWords } from '../text/tokenize-words';

/** A word in at least this many sentences, and this share of them, is what the page is about. */
const MIN_SENTENCES = 4;
const MIN_SHARE = 0.03;

/**
 * Stems of the words a page keeps using: its subject, not its slant. An essay about the word
 * "literally", an article on chaos theory or on toxic chemicals repeats the word on every other
 * line; flagging each use would bury the page in flags.
 */
export function pageSubjectWords(text: string, sentences: readonly Span[]): Set<string> {
  const counts = new Map<string, number>();
  for (const sentence of sentences) {
    const stems = new Set(tokenizeWords(text.slice(sentence.start, sentence.end)).filter((t) => /\p{L}/u.test(t.text)).map((t) => stemWord(t.text)));
    for (const stem of stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  const least = Math.max(MIN_SENTENCES, MIN_SHARE * sentences.length);
  return new Set([...counts].filter(([, n]) => n >= least).map(([stem]) => stem));
}

/**
 * `flags` without the cues that are the page's subject; a flag left with no cue is dropped.
 * Phrase cues ("some say") are never a subject word.
 */
export function withoutSubjectCues(flags: readonly BiasFlag[], subject: ReadonlySet<string>): BiasFlag[] {
  if (subject.size === 0) return [...flags];
  return flags.flatMap((flag) => {
    const cues = flag.cues.filter((cue) => /\s/u.test(cue.text) || !subject.has(stemWord(cue.text)));
    if (cues.length === 0) return [];
    return [cues.length === flag.cues.length ? flag : { ...flag, cues }];
  });
}
