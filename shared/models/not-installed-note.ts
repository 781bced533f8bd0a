/**
 * The provenance note of a lite result served because the full model `id` is not installed:
 * "Full model <id> is not installed — run `loupe models pull <id>`; used the lite tier".
 */
export function notInstalledNote(id: string): string {
  return `Full model ${id} is not installed — run \`loupe models pull ${id}\`; used the lite tier`;
}

const NOT_INSTALLED = /Full model (\S+) is not installed — run `loupe models pull \S+`; used the lite tier/gu;

/**
 * Splits a provenance note into the ids of the models it says are not installed and whatever
 * else it says (`rest`, empty when nothing), so a reader sees "not installed" once per page.
 */
export function splitNotInstalled(note: string): { models: string[]; rest: string } {
  const models = [...note.matchAll(NOT_INSTALLED)].map((m) => m[1]!);
  const rest = note
    .replace(NOT_INSTALLED, '')
    .replace(/^[\s;]+|[\s;]+$/gu, '')
    .replace(/;\s*;/gu, ';');
  return { models, rest };
}
