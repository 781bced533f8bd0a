import type { PageLanguage, Withheld } from '../../protocol/results';

const WHAT: Record<'entities' | 'bias', string> = {
  entities: 'names of people, organisations and places are not marked (dates, numbers and links still are)',
  bias: 'its wording is not checked for bias',
};

/**
 * Why a task is withheld on a page in a language the lite models do not read ("This page is in
 * German; Loupe's models read English only, so its wording is not checked for bias."), or
 * `undefined` when they read it.
 */
export function languageWithheld(language: PageLanguage, task: 'entities' | 'bias'): Withheld | undefined {
  if (language.supported) return undefined;
  return { reason: 'language', message: `This page is in ${language.name}; Loupe's models read English only, so ${WHAT[task]}.` };
}
