import { BIAS_CATEGORY_LEGEND } from '../../../shared/lite/bias-category-legend';
import type { Provenance } from '../../../shared/protocol/results';
import type { Dismissals } from '../dismissals';
import { groupEntities } from '../group-entities';
import type { TabState } from '../tab-state';
import { annotationsToJson } from './annotations-json';

/** Markdown metacharacters that would otherwise turn quoted page text into formatting. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/([\\`*_[\]<>#|])/gu, '\\$1');
}

function source(p: Provenance): string {
  return `_${p.engine} · ${p.tier} · ${p.model}_${p.note ? ` — ${escapeMarkdown(p.note)}` : ''}`;
}

/** "1 flag dismissed on this site is left out." — exports say what they do not contain. */
export function leftOut(count: number): string {
  return count === 1 ? '1 flag dismissed on this site is left out.' : `${count} flags dismissed on this site are left out.`;
}

/** The tab's annotations as a Markdown note; dismissed flags are left out and counted. */
export function annotationsToMarkdown(state: TabState, dismissals: Dismissals, now: Date = new Date()): string {
  const data = annotationsToJson(state, dismissals, now);
  const lines = [`# ${escapeMarkdown(data.title || data.url || 'Untitled page')}`, ''];
  if (data.url) lines.push(`<${data.url}>`, '');
  lines.push(`Annotated by Loupe, exported ${data.exportedAt}.`, '');
  if (data.summary) {
    lines.push('## Key points', '', source(data.summary.provenance), '');
    if (data.summary.withheld) lines.push(`_${escapeMarkdown(data.summary.withheld.message)}_`, '');
    if (data.summary.generated) lines.push(escapeMarkdown(data.summary.generated), '');
    data.summary.points.forEach((p, i) => {
      lines.push(`${i + 1}. ${escapeMarkdown(p.text)}`);
    });
    lines.push('');
  }
  if (data.entities) {
    lines.push('## Names and figures', '', source(data.entities.provenance), '');
    if (data.entities.withheld) lines.push(`_${escapeMarkdown(data.entities.withheld.message)}_`, '');
    for (const group of groupEntities(data.entities.items)) {
      for (const { text, mentions } of group.entries) {
        lines.push(`- **${group.type}** ${escapeMarkdown(text)}${mentions.length > 1 ? ` (${mentions.length} mentions)` : ''}`);
      }
    }
    lines.push('');
  }
  if (data.bias) {
    lines.push('## Wording to check', '', source(data.bias.provenance), '');
    // "No flags" would read as "checked and clean" on a page that was not checked at all.
    if (data.bias.withheld) lines.push(`_${escapeMarkdown(data.bias.withheld.message)}_`);
    else if (data.bias.flags.length === 0) lines.push('No flags.');
    for (const f of data.bias.flags) {
      lines.push(
        `- **${BIAS_CATEGORY_LEGEND[f.category].label}**: “${escapeMarkdown(f.text)}” — ${escapeMarkdown(f.explanation)} (cues: ${f.cues.map(escape).join(', ')})`,
      );
      if (f.suggestion) lines.push(`  - Neutral wording: ${escapeMarkdown(f.suggestion)}`);
    }
    const shown = [...new Set(data.bias.flags.map((f) => f.category))];
    if (shown.length > 0) lines.push('', ...shown.map((c) => `_${BIAS_CATEGORY_LEGEND[c].label}: ${BIAS_CATEGORY_LEGEND[c].legend}_`));
    if (data.bias.dismissedLeftOut > 0) lines.push('', leftOut(data.bias.dismissedLeftOut));
    lines.push('');
  }
  return lines.join('\n');
}
