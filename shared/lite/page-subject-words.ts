import type { BiasFlag, Span } from '../protocol/results';
import { stemWord } from '../text/stem-word';
import { tokenizeWords } from '../text/tokenize-words';

/** A title word used in at least this many sentences is what the page is about. */
const MIN_SENTENCES = 3;

const stemsOf = (text: string) =>
  new Set(
    tokenizeWords(text)
      .filter((t) => /\p{L}/u.test(t.text))
      .map((t) => stemWord(t.text)),
  );

/**
 * Stems of the words a page is about: in its title or headings, and used again and again in
 * its sentences. An essay titled "On behalf of 'literally'" or an article on chaos theory
 * repeats its subject on every other line; flagging each use would bury the page in flags.
 */
export function pageSubjectWords(text: string, sentences: readonly Span[], titles: readonly string[]): Set<string> {
  const named = stemsOf(titles.join(' '));
  if (named.size === 0) return new Set();
  const counts = new Map<string, number>();
  for (const sentence of sentences) {
    for (const stem of stemsOf(text.slice(sentence.start, sentence.end)))
      if (named.has(stem)) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= MIN_SENTENCES).map(([stem]) => stem));
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
