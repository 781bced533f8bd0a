import { readDataFile } from '../read-data-file';
import { join } from 'node:path';
import { z } from 'zod';

/** One line of babe/{train,dev}.jsonl; only the fields training reads. */
export const BabeRowSchema = z.object({
  text: z.string().min(1),
  label: z.enum(['biased', 'non-biased']),
  /** A Python list literal of the words annotators marked, e.g. "['bizarre', 'cult']". */
  biased_words: z.string(),
});
export type BabeRow = z.infer<typeof BabeRowSchema>;

export interface BabeSentence {
  readonly text: string;
  readonly label: 0 | 1;
  readonly biasedWords: readonly string[];
}

/** Reads one BABE split from `dataDir/babe/<split>.jsonl`, naming the fix when it is missing. */
export function readBabe(dataDir: string, split: 'train' | 'dev'): BabeSentence[] {
  const path = join(dataDir, 'babe', `${split}.jsonl`);
  const raw = readDataFile(path, `BABE ${split} split`, 'babe');
  return raw
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const row = BabeRowSchema.safeParse(JSON.parse(line));
      if (!row.success) throw new Error(`${path}:${index + 1}: ${row.error.issues[0]?.message ?? 'bad row'}`);
      return {
        text: row.data.text,
        label: row.data.label === 'biased' ? 1 : 0,
        biasedWords: [...row.data.biased_words.matchAll(/'([^']*)'|"([^"]*)"/gu)].map((m) => m[1] ?? m[2] ?? ''),
      };
    });
}
