import { readDataFile } from '../read-data-file';
import { join } from 'node:path';
import { z } from 'zod';
import { heldOutPart } from '../bias/held-out-split';

const HeadlineRowSchema = z.object({ text: z.string().min(1), label: z.enum(['clickbait', 'not-clickbait']) });

export interface Headline {
  readonly text: string;
  readonly label: 0 | 1;
}

/** The three parts Loupe cuts the headlines into, by a hash of the headline. */
export type ClickbaitPart = 'train' | 'dev' | 'test';

/** 15 % test (untouched until the end), 15 % of the rest dev (threshold), the rest train. */
export function clickbaitPart(text: string): ClickbaitPart {
  if (heldOutPart(text, 0.15, 'clickbait-test') === 'test') return 'test';
  return heldOutPart(text, 0.15, 'clickbait-dev') === 'test' ? 'dev' : 'train';
}

/** Reads `<dataDir>/clickbait/headlines.jsonl` (MIT, Chakraborty et al. 2016), one part of it. */
export function readClickbait(dataDir: string, part: ClickbaitPart): Headline[] {
  const path = join(dataDir, 'clickbait', 'headlines.jsonl');
  const raw = readDataFile(path, 'clickbait headlines', 'clickbait');
  return raw
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line, index) => {
      const row = HeadlineRowSchema.safeParse(JSON.parse(line));
      if (!row.success) throw new Error(`${path}:${index + 1}: ${row.error.issues[0]?.message ?? 'bad row'}`);
      return clickbaitPart(row.data.text) === part ? [{ text: row.data.text, label: row.data.label === 'clickbait' ? 1 : 0 } as const] : [];
    });
}
