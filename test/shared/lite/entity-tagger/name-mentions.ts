import type { NameMention } from '../../../../shared/lite/entity-tagger/decide-names';
import { decideNames } from '../../../../shared/lite/entity-tagger/decide-names';
import type { EntityType } from '../../../../shared/protocol/results';

const TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Mentions of `names` in `text`, in order of appearance, each leaning `lean` to its type. */
export function mentionsOf(text: string, names: readonly [string, EntityType, number?][]): NameMention[] {
  let from = 0;
  return names.map(([name, type, lean = 0.8]) => {
    const start = text.indexOf(name, from);
    if (start < 0) throw new Error(`"${name}" not in the text after ${from}`);
    from = start + name.length;
    const typeScores = TYPES.map((t) => (t === type ? lean : (1 - lean) / 3));
    return { entity: { start, end: from, text: name, type, score: lean, source: 'model' }, typeScores };
  });
}

/** What `decideNames` keeps of those mentions, as [text, type] pairs. */
export const decided = (text: string, names: readonly [string, EntityType, number?][]) =>
  decideNames(text, mentionsOf(text, names)).map((e) => [e.text, e.type]);
