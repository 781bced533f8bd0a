import { describe, expect, it } from 'vitest';
import { markQuotedTitles } from '../../../../shared/lite/entity-tagger/mark-quoted-titles';
import type { Entity, EntityType } from '../../../../shared/protocol/results';
import { assertSpansSliceText } from '../assert-spans-slice-text';

/** The tagger's entity for the `nth` occurrence of `name` in `text`. */
function found(text: string, name: string, type: EntityType, nth = 0): Entity {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(name, start + 1);
  if (start < 0) throw new Error(`"${name}" not in the text`);
  return { start, end: start + name.length, text: name, type, score: 0.9, source: 'model' };
}

const names = (text: string, entities: Entity[]) => {
  const marked = markQuotedTitles(text, entities);
  assertSpansSliceText(text, marked);
  return marked.map((e) => `${e.text}:${e.type}`);
};

describe('markQuotedTitles: titles of works in quotation marks', () => {
  it('makes a title-case quotation one MISC name, in place of the names the tagger found inside it', () => {
    const text = 'The band released “From Yesterday” in 2006; Solnit wrote "A Paradise Built in Hell: The Extraordinary Communities".';
    expect(names(text, [found(text, 'Solnit', 'PER'), found(text, 'Hell', 'LOC')])).toEqual([
      'From Yesterday:MISC',
      'Solnit:PER',
      'A Paradise Built in Hell: The Extraordinary Communities:MISC',
    ]);
  });

  it('takes one word as a title only after a word such as "song"', () => {
    expect(names('Her song “Hello” topped the chart.', [])).toEqual(['Hello:MISC']);
    expect(names('“Disgusting,” she said.', [])).toEqual([]);
  });

  it('leaves speech, keywords in capitals and interface labels alone', () => {
    expect(names('“It was awful,” she said. “Sit down, Turkey,” he said.', [])).toEqual([]);
    expect(names('Clients “MUST NOT” send it; click “Open File” first.', [])).toEqual([]);
    expect(names("“Thank You,” she said. 'Sweet Caroline,' the team said.", [])).toEqual([]);
    expect(names('They played the song “Sweet Caroline,” the fans said.', [])).toEqual(['Sweet Caroline:MISC']);
  });

  it("keeps the tagger's name when it is exactly the quotation, runs out of it, or names it elsewhere on the page", () => {
    const exact = 'Fans cheered “The Rock” on Friday.';
    expect(names(exact, [found(exact, 'The Rock', 'PER')])).toEqual(['The Rock:PER']);
    const longer = 'The “Harbor Point” Council met.';
    expect(names(longer, [{ ...found(longer, 'Harbor Point” Council', 'ORG') }])).toEqual(['Harbor Point” Council:ORG']);
    const cited = '“Mozilla VR”. Mozilla VR. Retrieved 2016.';
    expect(names(cited, [found(cited, 'Mozilla VR', 'ORG', 1)])).toEqual(['Mozilla VR:ORG', 'Mozilla VR:ORG']);
  });
});
