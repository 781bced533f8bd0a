import { describe, expect, it } from 'vitest';
import { decideNames } from '../../../../shared/lite/entity-tagger/decide-names';
import { lexiconKey, lexiconOver, NAME_TYPE_BITS } from '../../../../shared/lite/entity-tagger/name-lexicon';
import { decided, mentionsOf } from './name-mentions';

describe('decideNames drops what only looks like a name', () => {
  it('drops initials with no name ("J. M.", "said I.") and a capitalised "P.M.", but keeps "U.S."', () => {
    const text = 'Wilmshurst, J. M.; Hunt, T. L. (2008). "Come in," said I. at 6 P.M. in the U.S. that day.';
    expect(
      decided(text, [
        ['Wilmshurst', 'PER'],
        ['J. M.', 'PER'],
        ['Hunt', 'PER'],
        ['T. L.', 'PER'],
        ['I.', 'PER'],
        ['P.M.', 'LOC'],
        ['U.S.', 'LOC'],
      ]),
    ).toEqual([
      ['Wilmshurst', 'PER'],
      ['Hunt', 'PER'],
      ['U.S.', 'LOC'],
    ]);
  });

  it('drops a credential after a person\'s name ("Eric Biondi, MD, PhD"), not a state after a city ("Boston, MA")', () => {
    const text = '"Wash your hands," says Eric Biondi, MD, PhD, who runs it. She moved to Boston, MA, last year.';
    expect(
      decided(text, [
        ['Eric Biondi', 'PER'],
        ['MD', 'LOC'],
        ['PhD', 'ORG'],
        ['Boston', 'LOC'],
        ['MA', 'LOC'],
      ]),
    ).toEqual([
      ['Eric Biondi', 'PER'],
      ['Boston', 'LOC'],
      ['MA', 'LOC'],
    ]);
  });

  it('keeps a surname in -ly that opens a sentence when the page names the person in full ("Connolly, 34,")', () => {
    const text = 'Police arrested Sean Connolly on Friday. Connolly, 34, was released.';
    expect(
      decided(text, [
        ['Sean Connolly', 'PER'],
        ['Connolly', 'PER'],
      ]),
    ).toEqual([
      ['Sean Connolly', 'PER'],
      ['Connolly', 'PER'],
    ]);
  });

  it('drops an adverb opening a sentence ("Luckily, …"), but not a name in -ly the lexicon knows ("Kelly, …", "Italy, …")', () => {
    const text = 'It rained. Luckily, the roof held. Kelly, who lives here, agreed. "Alternatively, wait." Italy, too, agreed.';
    const lexicon = lexiconOver(
      new Map([
        [lexiconKey('word', 'kelly', 7), NAME_TYPE_BITS.PER ?? 0],
        [lexiconKey('word', 'italy', 7), NAME_TYPE_BITS.LOC ?? 0],
      ]),
      7,
      1,
    );
    const found = decideNames(
      text,
      mentionsOf(text, [
        ['Luckily', 'PER'],
        ['Kelly', 'PER'],
        ['Alternatively', 'LOC'],
        ['Italy', 'LOC'],
      ]),
      lexicon,
    );
    expect(found.map((e) => [e.text, e.type])).toEqual([
      ['Kelly', 'PER'],
      ['Italy', 'LOC'],
    ]);
  });
});
