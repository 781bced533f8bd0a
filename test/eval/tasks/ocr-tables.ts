import { evaluateOcr, type OcrReaderReport } from '../../../test/eval/ocr/evaluate-ocr';
import { pct, type EvalTable } from '../format-table';

/** Character accuracy of Loupe's OCR vs the context-only floor on Chromium-rendered text. */
export async function ocrTables(): Promise<EvalTable[]> {
  const report = await evaluateOcr();
  const readers = Object.entries(report.readers) as [string, OcrReaderReport][];
  const sizes = Object.keys(readers[0]?.[1].bySize ?? {});
  return [
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
}
