import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** One line of bbc-summary/articles.jsonl: the first line of `article` is its title. */
export const BbcRecordSchema = z.object({
  id: z.string(),
  category: z.string(),
  article: z.string().min(1),
  summary: z.string().min(1),
});

/** A BBC article without its title line, and its extractive reference with sentence breaks restored. */
export interface BbcArticle {
  readonly id: string;
  readonly article: string;
  readonly reference: string;
}

/**
 * The articles of `<dataDir>/bbc-summary/articles.jsonl` (BBC copyright: for measuring and
 * tuning a few parameters only). The reference summaries are article sentences run together
 * without spaces ("year-earlier.The firm"): a break is put back after each sentence end.
 */
export function readBbc(dataDir: string): BbcArticle[] {
  const path = join(dataDir, 'bbc-summary', 'articles.jsonl');
  if (!existsSync(path))
    throw new Error(`${path} not found — the BBC key-point check needs bbc-summary in ../shared/data (see its SOURCE.txt)`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = BbcRecordSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.message}`);
      const { id, article, summary } = parsed.data;
      const body = article.replace(/^[^\n]*\n+/u, '').trim();
      return { id, article: body, reference: summary.replace(/([.!?]["'”’]?)(?=["“]?\p{Lu})/gu, '$1\n') };
    });
}
