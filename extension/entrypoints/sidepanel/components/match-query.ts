/** Lower case without accents, so "jose" finds "José". */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase();
}

/** Whether `text` contains what the reader typed in the panel's filter (every word of it). */
export function matchesQuery(text: string, query: string): boolean {
  const words = fold(query).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(text);
  return words.every((word) => haystack.includes(word));
}
