import type { Analysis, Entity } from '../../shared/protocol/results';

const wrapQuote = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
};

function entityLines(items: readonly Entity[]): string[] {
  const byType = new Map<string, Map<string, number>>();
  for (const item of items) {
    const names = byType.get(item.type) ?? new Map<string, number>();
    names.set(item.text, (names.get(item.text) ?? 0) + 1);
    byType.set(item.type, names);
  }
  return [...byType].map(([type, names]) => {
    const sorted = [...names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const mentions = sorted.reduce((sum, [, count]) => sum + count, 0);
    return `  ${type} (${mentions}): ${sorted.map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(', ')}`;
  });
}

/** The human-readable report `loupe analyze` prints without --json. */
export function formatReport(title: string, analysis: Analysis, byline?: string): string {
  const lines = [title, ...(byline ? [byline] : []), ''];
  const { summary, entities, bias } = analysis;
  const language = analysis.page?.language;
  if (language && !language.supported)
    lines.push(`Language: ${language.name} (${language.source}); the name and bias models read English only.`, '');
  if (summary) {
    lines.push(`Summary (${summary.provenance.model}, ${summary.provenance.engine})`);
    if (summary.generated) lines.push(`  ${summary.generated}`);
    for (const sentence of summary.sentences) lines.push(`  • ${wrapQuote(sentence.text, 400)}`);
    lines.push('');
  }
  if (entities) {
    lines.push(`Entities (${entities.items.length} mentions, ${entities.provenance.model})`);
    if (entities.withheld) lines.push(`  ${entities.withheld.message}`);
    lines.push(...(entities.items.length ? entityLines(entities.items) : ['  none found']), '');
  }
  if (bias) {
    lines.push(`Bias flags (${bias.flags.length}, ${bias.provenance.model})`);
    if (bias.withheld) lines.push(`  ${bias.withheld.message}`);
    else if (!bias.flags.length) lines.push('  none found');
    for (const flag of bias.flags) {
      lines.push(`  [${flag.category}] "${wrapQuote(flag.text)}"`);
      lines.push(`    cues: ${flag.cues.map((cue) => cue.text).join(', ')}`);
      lines.push(`    why: ${flag.explanation}`);
      if (flag.suggestion) lines.push(`    neutral: ${flag.suggestion}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
