import type { CatalogueEntry } from '../../../shared/models/catalogue-schema';
import { fullTierModels } from './download-plan';

/** Full-tier tasks the browser can run, by their catalogue task names. */
export const BROWSER_FULL_TASKS = ['summary', 'entities', 'caption', 'bias'] as const;
export type BrowserFullTask = (typeof BROWSER_FULL_TASKS)[number];

/** The catalogue's full model for each task (the same ids the daemon runs). */
export function fullModelIds(models: readonly CatalogueEntry[] = fullTierModels()): Record<BrowserFullTask, string> {
  const idFor = (task: BrowserFullTask) => {
    const entry = models.find((m) => m.task === task);
    if (!entry) throw new Error(`The model catalogue has no full-tier ${task} model.`);
    return entry.id;
  };
  return { summary: idFor('summary'), entities: idFor('entities'), caption: idFor('caption'), bias: idFor('bias') };
}
