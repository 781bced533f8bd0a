import { FULL_TASKS, type FullTask } from '../full/full-runtime';

/** The slice of a catalogue entry this reads. */
interface EntryLike {
  readonly id: string;
  readonly task: string;
  readonly tier: string;
}

/**
 * The catalogue's full-tier model for each task: the ids the daemon pulls and runs and the
 * browser downloads, from one list.
 * @throws Error naming the task the catalogue lacks (a broken checkout, not a user error).
 */
export function fullModelIds(models: readonly EntryLike[]): Record<FullTask, string> {
  const ids = {} as Record<FullTask, string>;
  for (const task of FULL_TASKS) {
    const entry = models.find((m) => m.tier === 'full' && m.task === task);
    if (!entry)
      throw new Error(`The model catalogue has no full-tier ${task} model: restore it with \`git checkout models/catalogue.json\`.`);
    ids[task] = entry.id;
  }
  return ids;
}
