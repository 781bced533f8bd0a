import { describe, expect, it } from 'vitest';
import { decideNames } from '../../../../shared/lite/entity-tagger/decide-names';
import { assertSpansSliceText } from '../assert-spans-slice-text';
import { decided, mentionsOf } from './name-mentions';

describe('decideNames: one name, one type per page', () => {
  it('gives every mention of a name the type most of its mentions lean to', () => {
    const text = 'Delhi woke early. Traffic in Delhi stalled. Delhi said no. Later Delhi calmed.';
    expect(
      decided(text, [
        ['Delhi', 'LOC'],
        ['Delhi', 'LOC'],
        ['Delhi', 'PER', 0.5],
        ['Delhi', 'LOC'],
      ]),
    ).toEqual([
      ['Delhi', 'LOC'],
      ['Delhi', 'LOC'],
      ['Delhi', 'LOC'],
      ['Delhi', 'LOC'],
    ]);
  });

  it("gives a surname the type of the person's full name, however often the surname alone looks like a firm", () => {
    const text = 'John M. Ford wrote it. Ford liked trains, and Ford kept notes. Ford died in 2006.';
    expect(
      decided(text, [
        ['John M. Ford', 'PER'],
        ['Ford', 'ORG', 0.9],
        ['Ford', 'ORG', 0.9],
        ['Ford', 'ORG', 0.9],
      ]).map(([, type]) => type),
    ).toEqual(['PER', 'PER', 'PER', 'PER']);
  });

  it('leaves a place the tagger is sure of to itself beside a person who shares the word, but not a doubtful one', () => {
    const text = 'Ava Sydney wrote it. Crowds filled downtown Sydney. Sydney stayed calm. Troy Jordan ran. Jordan won.';
    expect(
      decided(text, [
        ['Ava Sydney', 'PER'],
        ['Sydney', 'LOC', 0.95],
        ['Sydney', 'LOC', 0.95],
        ['Troy Jordan', 'PER'],
        ['Jordan', 'LOC', 0.7],
      ]).map(([name, type]) => `${name}:${type}`),
    ).toEqual(['Ava Sydney:PER', 'Sydney:LOC', 'Sydney:LOC', 'Troy Jordan:PER', 'Jordan:PER']);
  });

  it('does not read a handle as a full name: "@Uber_Sydney" gives "Sydney" no surname', () => {
    const text = 'Fares rose in Sydney. “@Uber_Sydney stop it,” one reply began. Sydney shrugged.';
    expect(
      decided(text, [
        ['Sydney', 'LOC', 0.6],
        ['Uber_Sydney', 'PER', 0.6],
        ['Sydney', 'LOC', 0.6],
      ]).map(([name, type]) => `${name}:${type}`),
    ).toEqual(['Sydney:LOC', 'Uber_Sydney:PER', 'Sydney:LOC']);
  });

  it('lets a firm name its own short form, but a place opening a team name stays a place', () => {
    const text = 'Keller Motors grew. Keller hired. The Chicago Cubs won in Chicago.';
    expect(
      decided(text, [
        ['Keller Motors', 'ORG'],
        ['Keller', 'PER', 0.6],
        ['Chicago Cubs', 'ORG'],
        ['Chicago', 'LOC', 0.9],
      ]),
    ).toEqual([
      ['Keller Motors', 'ORG'],
      ['Keller', 'ORG'],
      ['Chicago Cubs', 'ORG'],
      ['Chicago', 'LOC'],
    ]);
  });

  it('takes titles out of a name and counts them as evidence of a person', () => {
    const text = 'Mayor Elena Marsh spoke. Marsh left. Dr. Amara Okafor agreed.';
    const entities = decideNames(
      text,
      mentionsOf(text, [
        ['Mayor Elena Marsh', 'ORG', 0.45],
        ['Marsh', 'LOC', 0.6],
        ['Dr. Amara Okafor', 'PER'],
      ]),
    );
    expect(entities.map((e) => [e.text, e.type])).toEqual([
      ['Elena Marsh', 'PER'],
      ['Marsh', 'PER'],
      ['Amara Okafor', 'PER'],
    ]);
    assertSpansSliceText(text, entities);
  });

  it('leaves the possessive of the word before out of a name ("the city’s Department of Design")', () => {
    const text = 'A spokesman for the city’s Department of Design and Construction spoke.';
    const found = decideNames(text, mentionsOf(text, [['’s Department of Design and Construction', 'ORG']]));
    expect(found.map((e) => [e.text, e.type])).toEqual([['Department of Design and Construction', 'ORG']]);
    assertSpansSliceText(text, found);
  });

  it('takes a hyphenated title out of a name too ("President-elect Trump")', () => {
    const text = 'President-elect Trump met aides. Trump left.';
    expect(
      decided(text, [
        ['President-elect Trump', 'MISC', 0.5],
        ['Trump', 'PER', 0.6],
      ]),
    ).toEqual([
      ['Trump', 'PER'],
      ['Trump', 'PER'],
    ]);
  });

  it('counts a word built like a firm\'s name ("Lucasfilm", "Politifact") as evidence of an organisation', () => {
    const text = 'Lucasfilm hired Knoll. Lucasfilm grew. Politifact checked it.';
    expect(
      decided(text, [
        ['Lucasfilm', 'PER', 0.6],
        ['Knoll', 'PER'],
        ['Lucasfilm', 'PER', 0.6],
        ['Politifact', 'LOC', 0.6],
      ]).map(([name, type]) => `${name}:${type}`),
    ).toEqual(['Lucasfilm:ORG', 'Knoll:PER', 'Lucasfilm:ORG', 'Politifact:ORG']);
  });

  it('counts a closing place word ("Whangārei Harbour", "Penn Station") as evidence of a place', () => {
    const text = 'Boats left Whangārei Harbour at dawn and reached Penn Station by rail.';
    expect(
      decided(text, [
        ['Whangārei Harbour', 'PER', 0.45],
        ['Penn Station', 'ORG', 0.45],
      ]),
    ).toEqual([
      ['Whangārei Harbour', 'LOC'],
      ['Penn Station', 'LOC'],
    ]);
    // "City", "State" and "Hall" also close clubs, schools and venues: no evidence either way.
    const clubs = 'Manchester City beat Penn State.';
    expect(
      decided(clubs, [
        ['Manchester City', 'ORG', 0.45],
        ['Penn State', 'ORG', 0.45],
      ]),
    ).toEqual([
      ['Manchester City', 'ORG'],
      ['Penn State', 'ORG'],
    ]);
  });

  it('keeps a title that opens another kind of name', () => {
    const text = 'General Motors cut jobs.';
    expect(decided(text, [['General Motors', 'ORG']])).toEqual([['General Motors', 'ORG']]);
  });

  it('drops page furniture, but keeps a word that is the short form of a real name on the page', () => {
    const text = 'GET the app. Photo Credit: Lee. Post Comment. The Washington Post said the Post would print it.';
    expect(
      decided(text, [
        ['GET', 'ORG'],
        ['Photo Credit', 'ORG'],
        ['Lee', 'PER'],
        ['Post Comment', 'MISC'],
        ['Washington Post', 'ORG'],
        ['Post', 'ORG'],
      ]),
    ).toEqual([
      ['Lee', 'PER'],
      ['Washington Post', 'ORG'],
      ['Post', 'ORG'],
    ]);
  });

  it('takes a photo credit label glued to the name off it, and keeps names with capitals inside', () => {
    const text = 'Workers at the site.CreditChang W. Lee Later, CreditCreditMichael Appleton filed. LeBron McDonald spoke.';
    const found = decideNames(
      text,
      mentionsOf(text, [
        ['CreditChang W. Lee', 'PER'],
        ['CreditCreditMichael Appleton', 'PER'],
        ['LeBron McDonald', 'PER'],
      ]),
    );
    expect(found.map((e) => [e.text, e.type])).toEqual([
      ['Chang W. Lee', 'PER'],
      ['Michael Appleton', 'PER'],
      ['LeBron McDonald', 'PER'],
    ]);
    assertSpansSliceText(text, found);
  });

  it("leaves a possessive ending out of a name the page also writes without it, and keeps McDonald's", () => {
    const text = "Google’s plan won. Google's staff agreed with Google. McDonald's opened.";
    const found = decideNames(
      text,
      mentionsOf(text, [
        ['Google’s', 'ORG'],
        ["Google's", 'ORG'],
        ['Google', 'ORG'],
        ["McDonald's", 'ORG'],
      ]),
    );
    expect(found.map((e) => [e.text, e.type])).toEqual([
      ['Google', 'ORG'],
      ['Google', 'ORG'],
      ['Google', 'ORG'],
      ["McDonald's", 'ORG'],
    ]);
    assertSpansSliceText(text, found);
  });

  it('drops a technical term or chat shorthand alone ("the PDF", "DNA tests", "TBH"), and keeps one inside a name', () => {
    const text = 'Download the PDF. The CPU is slow. They ran DNA tests. TBH, a bad move. Reuters TV said so.';
    expect(
      decided(text, [
        ['PDF', 'ORG'],
        ['CPU', 'ORG'],
        ['DNA', 'PER'],
        ['TBH', 'LOC'],
        ['Reuters TV', 'ORG'],
      ]),
    ).toEqual([['Reuters TV', 'ORG']]);
  });

  it('drops the labels of reference identifiers ("ISBN", "PMID") that a reference list repeats', () => {
    const text = 'Cooper, R. (1993). Birds. ISBN 978-0-19-850. PMID 1234567. ISSN 0027-8424.';
    expect(
      decided(text, [
        ['Cooper', 'PER'],
        ['ISBN', 'ORG'],
        ['PMID', 'ORG'],
        ['ISSN', 'ORG'],
      ]),
    ).toEqual([['Cooper', 'PER']]);
  });
});
