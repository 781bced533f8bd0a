import { describe, expect, it } from 'vitest';
import { matchBiasCues } from '../../../shared/lite/match-bias-cues';
import { rewordKeepsFacts } from '../../../shared/lite/reword-keeps-facts';
import { rewordNeutrally } from '../../../shared/lite/reword-neutrally';

/** The rewording of a one-sentence text, rewording every lexicon cue in it. */
const reword = (text: string) =>
  rewordNeutrally(text, { start: 0, end: text.length, text }, matchBiasCues(text, { start: 0, end: text.length, text }));

describe('neutral rewordings keep the facts', () => {
  it('replaces only the cue words', () => {
    expect(reword('Reyes slammed the disastrous plan on Tuesday.')).toBe('Reyes criticized the harmful plan on Tuesday.');
  });

  it('never drops a negation', () => {
    expect(reword('The senator never totally backed the bill.')).toBe('The senator never backed the bill.');
    expect(reword('She did not totally back the plan.')).toBe('She did not back the plan.');
    expect(rewordKeepsFacts('The senator never voted for the bill.', 'The senator voted for the bill.')).toBe(false);
    expect(rewordKeepsFacts("They didn't vote.", 'They did vote.')).toBe(false);
  });

  it('never drops a number, a name or a quoted source', () => {
    expect(rewordKeepsFacts('The bloated budget rose 4 percent.', 'The budget rose percent.')).toBe(false);
    expect(rewordKeepsFacts('Reyes slammed Marsh.', 'Reyes criticized.')).toBe(false);
    expect(rewordKeepsFacts('He called it "a disastrous sham" at the hearing.', 'He called it "a harmful" at the hearing.')).toBe(false);
    expect(rewordKeepsFacts('Reyes slammed Marsh over 3 votes.', 'Reyes criticized Marsh over 3 votes.')).toBe(true);
  });

  it('leaves a word inside a quotation alone: no rewording of what someone said', () => {
    expect(reword('He called the plan "a disastrous sham" on Friday.')).toBeUndefined();
  });

  it('does not turn a noun into a verb: insurance claims stay claims, "the meddling" is not "the intervened"', () => {
    const text = 'The insurance claims were paid.';
    expect(matchBiasCues(text, { start: 0, end: text.length, text })).toEqual([]);
    expect(reword('They blamed the meddling of the board.')).toBeUndefined();
    expect(reword('The board kept meddling in the budget.')).toBe('The board kept intervening in the budget.');
  });

  it('keeps the tense and the article right', () => {
    expect(reword('She slams them.')).toBe('She criticizes them.');
    expect(reword('He was slamming them.')).toBe('He was criticizing them.');
    expect(reword('The council called it an outrageous fiasco.')).toBe('The council called it a failure.');
    expect(reword('They backed a radical overhaul of the rules.')).toBe('They backed an overhaul of the rules.');
  });

  it('rewords a loaded verb of saying as "said" only where speech follows it', () => {
    expect(reword('He spewed that the vote was rigged.')).toBe('He said that the vote was rigged.');
    expect(reword('He spewed hatred at the rally.')).toBeUndefined();
    const literal = 'A cracked main was spewing water onto the street.';
    expect(matchBiasCues(literal, { start: 0, end: literal.length, text: literal })).toEqual([]);
  });

  it('gives no rewording that would read wrong: a neutral word in the wrong form, or a gap where a word was dropped', () => {
    expect(reword("I'd be shocked if the council agreed.")).toBeUndefined();
    expect(reword('The knights crusaded into the valley.')).toBeUndefined();
    expect(reword('She slams the plan.')).toBe('She criticizes the plan.');
    expect(reword('It was an extremely evil plan.')).toBeUndefined();
    expect(reword('That is too absurd.')).toBeUndefined();
    expect(reword('That is absurd.')).toBeUndefined();
    expect(reword('That is a ridiculous approach.')).toBe('That is an approach.');
    expect(reword('The headset packs an insane 23 megapixels.')).toBeUndefined();
    expect(reword('Officials described a chaotic six hours at the port.')).toBeUndefined();
    expect(reword('The idea might sound absurd at first.')).toBeUndefined();
    expect(reword('The ferry is absolutely free on Sundays.')).toBe('The ferry is free on Sundays.');
    expect(reword('The beleaguered drivers met.')).toBe('The drivers met.');
    const demand = 'She insisted on checking the water.';
    expect(matchBiasCues(demand, { start: 0, end: demand.length, text: demand })).toEqual([]);
    const literal = 'Samus blasted apart the door.';
    expect(matchBiasCues(literal, { start: 0, end: literal.length, text: literal })).toEqual([]);
  });

  it('is omitted when some cue has no safe neutral wording', () => {
    expect(reword('The ferry reportedly sank.')).toBeUndefined();
    expect(reword('The plan was totally, reportedly, a failure.')).toBeUndefined();
  });
});
