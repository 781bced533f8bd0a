import { splitNotInstalled } from '../../../../shared/models/not-installed-note';
import type { Analysis, TextTask } from '../../../../shared/protocol/results';

export interface PanelNotes {
  /** Why tasks found nothing here by design (a recipe, a language the models do not read), once each. */
  withheld: string[];
  /** Said once at the top: notes more than one section shares, and the models not installed. */
  page: string[];
  /** The remark each section keeps for itself. */
  sections: Partial<Record<TextTask, string>>;
}

const TASKS: readonly TextTask[] = ['summary', 'entities', 'bias'];

/**
 * Sorts the analysis's remarks so each is read once: a note several sections carry (the daemon
 * was unreachable, say) and every "full model not installed" move to the top, the latter
 * folded into one line naming the models; the rest stays with its section.
 */
export function panelNotes(analysis: Analysis): PanelNotes {
  const withheld = TASKS.flatMap((task) => (analysis[task]?.withheld ? [analysis[task]!.withheld!.message] : []));
  const missing = new Set<string>();
  const rests = new Map<TextTask, string>();
  for (const task of TASKS) {
    const note = analysis[task]?.provenance.note;
    if (!note) continue;
    const { models, rest } = splitNotInstalled(note);
    for (const id of models) missing.add(id);
    if (rest) rests.set(task, rest);
  }
  const counts = new Map<string, number>();
  for (const rest of rests.values()) counts.set(rest, (counts.get(rest) ?? 0) + 1);
  const shared = [...counts].filter(([, n]) => n > 1).map(([note]) => note);
  const sections: PanelNotes['sections'] = {};
  for (const [task, rest] of rests) if (!shared.includes(rest)) sections[task] = rest;
  const page = [...shared];
  if (missing.size > 0) {
    const ids = [...missing];
    page.push(
      `${ids.length === 1 ? `Full model ${ids[0]} is` : `Full models ${ids.join(', ')} are`} not installed, so the lite tier ran — pull ${ids.length === 1 ? 'it' : 'them'} with \`npx loupe models pull <id>\` (or in Options → Models where the browser can run ${ids.length === 1 ? 'it' : 'them'}).`,
    );
  }
  return { withheld: [...new Set(withheld)], page, sections };
}
