const MAX_STEM = 60;

/**
 * `loupe-<title words>.<extension>`: the page title in lower-case ASCII words joined by
 * hyphens, cut between words (never inside one) to stay short enough for any file system.
 */
export function exportFileName(title: string | undefined, extension: string): string {
  const words = (title ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/gu, '')
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
  let stem = '';
  for (const word of words) {
    const next = stem ? `${stem}-${word}` : word;
    if (next.length > MAX_STEM) break;
    stem = next;
  }
  // One word longer than the limit on its own is still better cut than dropped.
  if (!stem && words[0]) stem = words[0].slice(0, MAX_STEM);
  return `loupe-${stem || 'page'}.${extension}`;
}
