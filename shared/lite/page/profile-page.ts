import type { PageGenre, PageHints } from '../../protocol/page-hints';
import type { PageProfile, Span, Withheld } from '../../protocol/results';
import { classifySentences, JUDGED_ROLES, type SentenceRole } from './classify-sentences';
import { detectPageGenre } from './detect-page-genre';

/** A page's sentences with their roles, and what kind of page it is. */
export interface PageStructure {
  /** One role per sentence, aligned with the sentences it was computed from. */
  readonly roles: readonly SentenceRole[];
  readonly profile: PageProfile;
}

/**
 * Reads the structure of a page once for every task: each sentence's role (from the capture's
 * block roles and the text) and the page's genre (from its declared types and its text, unless
 * the caller already decided it over the whole page).
 */
export function profilePage(text: string, sentences: readonly Span[], hints: PageHints = {}): PageStructure {
  const roles = classifySentences(text, sentences, hints.blocks);
  const decision = hints.genre
    ? { genre: hints.genre, evidence: ['decided over the whole page'] }
    : detectPageGenre(text, sentences, roles, hints);
  const proseSentences = roles.filter((role) => role === 'prose' || role === 'question').length;
  return { roles, profile: { genre: decision.genre, evidence: decision.evidence, proseSentences, sentences: sentences.length } };
}

/** The sentences bias is judged on: the page's own statements, not its furniture. */
export function judgedSentences(sentences: readonly Span[], roles: readonly SentenceRole[]): Span[] {
  return sentences.filter((_, i) => JUDGED_ROLES.has(roles[i] ?? 'prose'));
}

const GENRE_NAMES: Partial<Record<PageGenre, string>> = {
  recipe: 'a recipe',
  product: 'a product or deals page',
  documentation: 'technical documentation',
  review: 'a review',
  fiction: 'fiction',
};

/** Why the genre makes flags meaningless, said after the page's genre and its evidence. */
const GENRE_REASONS: Partial<Record<PageGenre, string>> = {
  review: "its praise and criticism are the writer's verdict by design",
  fiction: "a story's narration and its characters' words are the author's craft, not reporting",
};

/**
 * Why bias flags are not shown on this page, when its genre makes them meaningless: a recipe's
 * "It will thicken as it cools", a deal's "lowest price ever" or a film review's "visually
 * stunning" are not slanted reporting.
 */
export function biasWithheldFor(profile: PageProfile): Withheld | undefined {
  const name = GENRE_NAMES[profile.genre];
  if (!name) return undefined;
  const because = profile.evidence.length > 0 ? ` (${profile.evidence.join(', ')})` : '';
  const reason = GENRE_REASONS[profile.genre];
  return {
    reason: 'genre',
    message: `This page looks like ${name}${because}${reason ? `: ${reason}` : ''}, so Loupe does not flag its wording as biased.`,
  };
}
