import { evaluateLanguage } from '../../../models/training/language/evaluate-language';
import { pct } from '../format-table';
import type { TaskReport } from '../headline-row';

/** Accuracy of the page-language check beside a larger detector and "assume English". */
export async function languageTables(dataDir: string): Promise<TaskReport> {
  const result = await evaluateLanguage(dataDir);
  const names = Object.keys(result.byLength[0]?.accuracy ?? {});
  const at1000 = result.byLength.find((row) => row.characters === 1000);
  return {
    tables: [
      {
        title: `Language check — ${result.texts} texts (${result.notEnglish} not English): saved real pages that declare their language, and BBC articles (% right)`,
        columns: [
          'detector',
          ...result.byLength.map((row) => `${row.characters} chars`),
          ...result.byLength.map((row) => `ms @${row.characters}`),
        ],
        rows: names.map((name) => [
          name,
          ...result.byLength.map((row) => pct(row.accuracy[name])),
          ...result.byLength.map((row) => (row.ms[name] ?? 0).toFixed(0)),
        ]),
        notes: [
          "the page's declared lang is the label here, so the check reads the text alone; on a page it also weighs the declaration.",
          'a short Latin-script text (under 150 letters) is left undetermined rather than guessed, and the English models run on it: see the next table.',
        ],
      },
      {
        title: `Language check — the decision a reader meets: English models run exactly on the English texts (% right, ${result.texts} texts)`,
        columns: ['detector', ...result.byLength.map((row) => `${row.characters} chars`)],
        rows: names.map((name) => [name, ...result.byLength.map((row) => pct(row.decision[name]))]),
        notes: [
          'an English text judged foreign loses all its names and flags; a short foreign snippet judged English gets a few wrong names.',
        ],
      },
    ],
    headline: [
      {
        what: `language check, texts named right (${result.texts} texts, 1,000 characters each)`,
        dev: '—',
        test: `${pct(at1000?.accuracy[names[0] ?? ''])} %`,
        baseline: `assume English ${pct(at1000?.accuracy['assume English'])} %; eld ${pct(at1000?.accuracy[names[1] ?? ''])} %`,
      },
    ],
  };
}
