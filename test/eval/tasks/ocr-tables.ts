import { evaluateOcr, type OcrReaderReport } from '../ocr/evaluate-ocr';
import { pct } from '../format-table';
import type { TaskReport } from '../headline-row';

/** Character accuracy of Loupe's OCR vs the context-only floor on Chromium-rendered text. */
export async function ocrTables(): Promise<TaskReport> {
  const report = await evaluateOcr();
  const readers = Object.entries(report.readers) as [string, OcrReaderReport][];
  const sizes = Object.keys(readers[0]?.[1].bySize ?? {});
  const [ours, floor] = readers;
  const headline = [
    {
      what: `text in images, character accuracy (${report.cases} rendered lines)`,
      dev: ours ? `${pct(ours[1].overall.characterAccuracy)} %` : '—',
      test: '—',
      baseline: floor ? `${floor[0]} ${pct(floor[1].overall.characterAccuracy)} %` : '—',
    },
  ];
  const tables = [
    {
      title: `OCR — ${report.cases} lines rendered in Chromium (fonts × sizes × colour schemes) (%)`,
      columns: ['reader', 'char accuracy', 'exact lines', ...sizes.map((s) => `chars @${s}`), 'ms/image'],
      rows: readers.map(([name, r]) => [
        name,
        pct(r.overall.characterAccuracy),
        pct(r.overall.exactLineRate),
        ...sizes.map((s) => pct(r.bySize[s]?.characterAccuracy)),
        r.msPerImage.toFixed(0),
      ]),
      notes: [`model ${report.model}; context-only is the lite description before OCR (no pixel text): a floor, not a competitor.`],
    },
  ];
  return { tables, headline };
}
