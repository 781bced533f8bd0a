import { describe, expect, it } from 'vitest';
import { propagateNames } from '../../../../shared/lite/entity-tagger/propagate-names';
import type { Entity, EntityType } from '../../../../shared/protocol/results';
import { assertSpansSliceText } from '../assert-spans-slice-text';

/** Where the `nth` occurrence (from 0) of `words` starts in `text`. */
function nthAt(text: string, words: string, nth = 0): number {
  let start = -1;
  for (let n = 0; n <= nth; n++) start = text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`"${words}" #${nth} is not in the text`);
  return start;
}

/** Runs propagateNames on the tagger's marks (the `nth` occurrence of each name) and lists the names found, by position. */
function named(text: string, found: readonly [string, EntityType, number?][]): [string, EntityType, number][] {
  const marks: Entity[] = found.map(([name, type, nth = 0]) => {
    const start = nthAt(text, name, nth);
    return { start, end: start + name.length, text: name, type, score: 0.9, source: 'model' };
  });
  const out = propagateNames(text, marks);
  assertSpansSliceText(text, out);
  return out.map((e) => [e.text, e.type, e.start]);
}

describe('propagateNames: a name the page uses is marked wherever it repeats', () => {
  it('marks the unmarked repeats of a name with its type', () => {
    const text = 'The Harbor Point Council met. Later the Harbor Point Council voted, and Ines Calder agreed with Calder.';
    expect(
      named(text, [
        ['Harbor Point Council', 'ORG'],
        ['Ines Calder', 'PER'],
      ]),
    ).toEqual([
      ['Harbor Point Council', 'ORG', nthAt(text, 'Harbor Point Council', 0)],
      ['Harbor Point Council', 'ORG', nthAt(text, 'Harbor Point Council', 1)],
      ['Ines Calder', 'PER', nthAt(text, 'Ines Calder')],
    ]);
  });

  it('leaves a repeat inside a longer capitalised name, and a one-word name that opens a sentence', () => {
    const text = 'Ford said no. Ford Motor agreed. The ferry waited for Ford. Will Ford stay? Ford left. They thanked Ford.';
    expect(named(text, [['Ford', 'PER', 2]])).toEqual([
      ['Ford', 'PER', nthAt(text, 'Ford', 2)],
      ['Ford', 'PER', nthAt(text, 'Ford', 3)],
      ['Ford', 'PER', nthAt(text, 'Ford', 5)],
    ]);
  });

  it('copies a mark after a title or a plain opening word', () => {
    const text = 'Ines Reyes spoke. What Reyes wants is clear, said Mayor Reyes.';
    expect(named(text, [['Ines Reyes', 'PER']]).map(([name]) => name)).toEqual(['Ines Reyes']);
    expect(named(text, [['Reyes', 'PER', 0]])).toEqual([
      ['Reyes', 'PER', nthAt(text, 'Reyes', 0)],
      ['Reyes', 'PER', nthAt(text, 'Reyes', 1)],
      ['Reyes', 'PER', nthAt(text, 'Reyes', 2)],
    ]);
  });

  it('does not copy a slip the page contradicts: a word marked once and passed over many times', () => {
    const text = 'We use AI daily. They sell AI too. Firms buy AI often. Teams like AI now.';
    expect(named(text, [['AI', 'LOC', 3]])).toEqual([['AI', 'LOC', nthAt(text, 'AI', 3)]]);
  });

  it('never copies an interface word or a technical term kept only as part of a longer name', () => {
    const text = 'The non-WASI APIs differ. Both APIs and the WASI layer run.';
    expect(named(text, [['APIs', 'PER', 0]])).toEqual([['APIs', 'PER', nthAt(text, 'APIs', 0)]]);
  });
});
