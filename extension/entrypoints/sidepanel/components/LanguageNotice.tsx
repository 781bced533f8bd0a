import type { PageProfile } from '../../../../shared/protocol/results';

/** Says which language the page is in when Loupe's models do not read it, and what was skipped. */
export function LanguageNotice({ page }: { page: PageProfile | undefined }) {
  const language = page?.language;
  if (!language || language.supported) return null;
  return (
    <p class="notice" role="note" data-role="language-notice" lang="en">
      This page is in {language.name} ({language.source === 'declared' ? 'as the page declares' : 'read from its text'}). Loupe's
      name and bias models read English only, so names and bias flags are skipped; key points, dates and numbers are still shown.
    </p>
  );
}
