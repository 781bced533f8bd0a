import { z } from 'zod';
import type { EvalTable } from './format-table';

/**
 * One line of the README's Measured table: what is measured, the figure on the dev split (the
 * one tuned on, or beside it), the figure on a split never tuned on, and the baseline measured
 * in the same run. Cells are ready-formatted text ("90.5", "— (not available here)").
 */
export const HeadlineRowSchema = z.strictObject({
  what: z.string().min(1),
  dev: z.string(),
  test: z.string(),
  baseline: z.string(),
});
export type HeadlineRow = z.infer<typeof HeadlineRowSchema>;

/** What one evaluation task reports: its detailed tables and its rows of the Measured table. */
export interface TaskReport {
  readonly tables: readonly EvalTable[];
  readonly headline: readonly HeadlineRow[];
}

/** The headline rows last measured, by task: what `--write-readme` renders into the README. */
export const MeasuredRowsSchema = z.record(z.string(), z.array(HeadlineRowSchema));
export type MeasuredRows = z.infer<typeof MeasuredRowsSchema>;
