import type { LoadedLiteModels } from '../../daemon/lite-models/load-lite-models';
import { analyzeText } from '../../shared/lite/analyze-text';
import { summarizeExtractive } from '../../shared/lite/summarize-extractive';
import { segmentSentences } from '../../shared/text/segment-sentences';
import { benchText } from './bench-corpus';
import { heading, measure, note, num, rows } from './bench-timing';
import { lexRankBaseline } from './lexrank-baseline';

const WORDS = [1_000, 10_000, 100_000];
/** The n × n baseline is not run past this many sentences (its matrix alone would take gigabytes). */
const BASELINE_MAX_SENTENCES = 2_000;

function textOfWords(words: number): string {
  let paragraphs = 1;
  while (benchText(paragraphs).split(/\s+/u).length < words) paragraphs *= 2;
  let low = paragraphs / 2;
  let high = paragraphs;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (benchText(mid).split(/\s+/u).length < words) low = mid;
    else high = mid;
  }
  return benchText(high);
}

/** Time against page length (1k → 100k words): key points, names, the whole analysis, beside the former n × n centrality. */
export async function benchScalingSection(lite: LoadedLiteModels): Promise<void> {
  heading('page length: key points, names and the whole lite analysis vs the former n × n centrality (baseline)');
  const lines: [string, ...string[]][] = [
    ['words', 'sentences', 'key points ms', 'former centrality ms', 'names ms', 'all tasks ms', 'all tasks ms / 1k words'],
  ];
  for (const words of WORDS) {
    const text = textOfWords(words);
    const sentences = segmentSentences(text);
    const runs = words >= 100_000 ? 1 : 3;
    const summary = await measure(() => summarizeExtractive(text, sentences), { warmup: 1, runs });
    const baseline =
      sentences.length <= BASELINE_MAX_SENTENCES
        ? num((await measure(() => lexRankBaseline(sentences), { warmup: 0, runs: 1 })).medianMs)
        : 'not run (n²)';
    const names = lite.entities
      ? num((await measure(() => lite.entities!.tag(text, sentences), { warmup: 1, runs })).medianMs)
      : 'no model';
    const all = await measure(() => analyzeText(text, { tasks: ['summary', 'entities', 'bias'], engine: 'in-process', models: lite }), {
      warmup: 0,
      runs,
    });
    lines.push([
      num(words),
      num(sentences.length),
      num(summary.medianMs),
      baseline,
      names,
      num(all.medianMs),
      num(all.medianMs / (words / 1000)),
    ]);
  }
  rows(lines);
  note(
    'text: the bench paragraphs repeated; a linear pipeline keeps "ms / 1k words" flat as pages grow. The former centrality built a sentences × sentences matrix.',
  );
}
