import { z } from 'zod';

/**
 * One progress event of a model pull, shaped like Ollama's: `status` says the stage; during
 * `downloading`, `completed` of `total` bytes of `file` are on disk (resumed bytes included).
 */
export const PullProgressSchema = z.strictObject({
  status: z.enum(['resolving', 'downloading', 'verifying', 'done', 'success']),
  id: z.string(),
  file: z.string().optional(),
  total: z.number().int().nonnegative().optional(),
  completed: z.number().int().nonnegative().optional(),
});
export type PullProgress = z.infer<typeof PullProgressSchema>;
