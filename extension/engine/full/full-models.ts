import type { FullTask } from '../../../shared/full/full-runtime';
import { fullModelIds as idsIn } from '../../../shared/models/full-model-ids';
import { fullTierModels } from './download-plan';

/** The catalogue's full model for each task (the same ids the daemon runs). */
export function fullModelIds(): Record<FullTask, string> {
  return idsIn(fullTierModels());
}
