import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alerting, type SentencePipeline } from './sentence-pipelines';

/** One article of a propaganda-technique corpus: its lines and which of them hold a technique. */
export interface PropagandaArticle {
  readonly id: string;
  readonly lines: readonly string[];
  /** Per line: whether an annotated technique span overlaps it. */
  readonly gold: readonly boolean[];
}

export interface LineScores {
  readonly lines: number;
  readonly gold: number;
  readonly precision: number;
  readonly recall: number;
}

/**
 * The folder a propaganda-technique corpus is expected in, in the SemEval-2020 Task 11 (PTC)
 * layout: `<dataDir>/propaganda/<split>/article<ID>.txt` (one sentence per line) beside
 * `article<ID>.labels.tsv` (tab-separated `<ID> <technique> <start> <end>`, character offsets
 * into the .txt; a file may be empty). `split` is `dev` or `test`.
 */
export function propagandaDir(dataDir: string, split: 'dev' | 'test'): string {
  return join(dataDir, 'propaganda', split);
}

/** Reads one split, or `undefined` when it is not there. Names the fix for a malformed labels line. */
export function readPropaganda(dataDir: string, split: 'dev' | 'test'): PropagandaArticle[] | undefined {
  const dir = propagandaDir(dataDir, split);
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((f) => /^article\d+\.txt$/u.test(f))
    .sort()
    .map((file) => {
      const id = file.replace(/^article|\.txt$/gu, '');
      const text = readFileSync(join(dir, file), 'utf8');
      const labelsPath = join(dir, `article${id}.labels.tsv`);
      const spans = existsSync(labelsPath) ? parseLabels(readFileSync(labelsPath, 'utf8'), labelsPath) : [];
      const lines: string[] = [];
      const gold: boolean[] = [];
      let at = 0;
      for (const line of text.split('\n')) {
        const start = at;
        at += line.length + 1;
        if (line.trim() === '') continue;
        lines.push(line);
        gold.push(spans.some((s) => s.start < start + line.length && start < s.end));
      }
      return { id, lines, gold };
    });
}

function parseLabels(tsv: string, path: string): { start: number; end: number }[] {
  return tsv
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const [, , start, end] = line.split('\t');
      const span = { start: Number(start), end: Number(end) };
      if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.end < span.start) {
        throw new Error(`${path}:${i + 1}: expected "<id>\\t<technique>\\t<start>\\t<end>" with character offsets, got "${line}"`);
      }
      return span;
    });
}

/** Line-level precision and recall of `pipeline` (a line is flagged when it gets an alerting flag). */
export async function scorePropaganda(articles: readonly PropagandaArticle[], pipeline: SentencePipeline): Promise<LineScores> {
  let tp = 0,
    fp = 0,
    fn = 0,
    lines = 0;
  for (const article of articles) {
    const flags = await pipeline.flag(article.lines);
    article.gold.forEach((gold, i) => {
      const yes = alerting(flags[i] ?? []).length > 0;
      lines++;
      if (yes && gold) tp++;
      else if (yes) fp++;
      else if (gold) fn++;
    });
  }
  return { lines, gold: tp + fn, precision: tp + fp === 0 ? 0 : tp / (tp + fp), recall: tp + fn === 0 ? 0 : tp / (tp + fn) };
}
