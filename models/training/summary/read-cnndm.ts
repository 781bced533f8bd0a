import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** One line of cnndm/dev.jsonl (extra fields such as system summaries are ignored). */
export const CnndmRecordSchema = z.object({
  id: z.string(),
  article: z.string().min(1),
  reference: z.string().min(1),
});
export type CnndmRecord = z.infer<typeof CnndmRecordSchema>;

/**
 * Undoes the PTB tokenisation of the CNN/DM text ("sunday 's", "time , '", "( above )",
 * "``") so Loupe's sentence segmenter sees ordinary prose, as it would on a page. Standalone
 * quote marks are left spaced: no ROUGE token depends on them.
 */
export function detokenizePtb(text: string): string {
  return text
    .replace(/``|''/gu, '"')
    .replace(/ ’ (s|m|re|ve|ll|d|t)\b/giu, '’$1')
    .replace(/ (['’])(s|m|re|ve|ll|d)\b/giu, '$1$2')
    .replace(/ n['’]t\b/giu, "n't")
    .replace(/ ([.,:;?!%)\]]|\.\.\.)(?= |$)/gu, '$1')
    .replace(/([([$£]) /gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The articles and reference highlights of `<dataDir>/cnndm/dev.jsonl`, detokenised. */
export function readCnndm(dataDir: string): CnndmRecord[] {
  const path = join(dataDir, 'cnndm', 'dev.jsonl');
  if (!existsSync(path))
    throw new Error(`${path} not found — the summary evaluation needs the public CNN/DailyMail sample in ../shared/data (see README)`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = CnndmRecordSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.message}`);
      const { id, article, reference } = parsed.data;
      return { id, article: detokenizePtb(article), reference: detokenizePtb(reference) };
    });
}
