import { describe, expect, it } from 'vitest';
import { BIAS_CATEGORIES, BiasFlagSchema } from '../../../shared/protocol/results';
import { BIAS_CUES } from '../../../shared/lite/bias-cues';
import { flagBiasByRules } from '../../../shared/lite/flag-bias-by-rules';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import { articleText } from './article-text';
import { assertSpansSliceText } from './assert-spans-slice-text';

const flag = (text: string) => flagBiasByRules(text, segmentSentences(text));
const categories = (text: string) => flag(text).map((f) => f.category);

describe('flagBiasByRules on the news fixture', () => {
  const text = articleText('news-article.html');
  const flags = flag(text);
  const expected: [RegExp, string, string[]][] = [
    [/^Councillor Victor Reyes slammed/u, 'loaded-language', ['slammed', 'disastrous', 'reckless']],
    [/^Critics claim/u, 'unattributed-claim', ['Critics claim']],
    [/^Critics claim/u, 'hedge', ['reportedly']],
    [/^Experts agree/u, 'unattributed-claim', ['Experts agree']],
    [/^Marsh finally admitted/u, 'framing-verb', ['finally admitted']],
    [/^Opponents say the bond will totally/u, 'unattributed-claim', ['Opponents say']],
    [/^Opponents say the bond will totally/u, 'exaggeration', ['totally', 'absolutely', 'every single']],
  ];

  it.each(expected)('flags %s as %s with its cue words', (sentence, category, cues) => {
    const found = flags.find((f) => sentence.test(f.text) && f.category === category);
    expect(found?.cues.map((c) => c.text)).toEqual(cues);
    expect(found?.explanation).toContain(`'${cues[0]}'`);
  });

  it('flags nothing else in the story', () => {
    expect(flags).toHaveLength(expected.length);
  });

  it('gives valid flags whose spans and cues slice the text', () => {
    for (const f of flags) expect(BiasFlagSchema.safeParse(f).success).toBe(true);
    assertSpansSliceText(text, [...flags, ...flags.flatMap((f) => f.cues)]);
  });

  it('explains loaded language in plain words with a neutral rewording', () => {
    const loaded = flags.find((f) => f.category === 'loaded-language');
    expect(loaded?.explanation).toMatch(/tell the reader how to feel.*'criticized'/u);
    expect(loaded?.suggestion).toBe('Councillor Victor Reyes criticized the harmful plan as a risky giveaway to waterfront developers.');
  });
});

describe('unattributed claims', () => {
  it.each([
    ['Some say the deal was rushed through behind closed doors.', 'Some say', /should say who says it/u],
    ['Experts agree the plan will fail.', 'Experts agree', /name the experts/u],
    ['Studies show that seawalls raise property values.', 'Studies show', /name the study/u],
    ['It is believed that the ship sank in 1902.', 'It is believed', /who believes or claims it/u],
    ['Many people are saying the election was stolen.', 'Many people are saying', /who says it/u],
    ['According to reports, the talks collapsed on Friday.', 'According to reports', /who says it/u],
  ])('flags "%s" on its cue "%s", saying whom the text should name', (sentence, cue, whom) => {
    const [found] = flag(sentence).filter((f) => f.category === 'unattributed-claim');
    expect(found?.cues.map((c) => c.text)).toEqual([cue]);
    expect(found?.explanation).toMatch(whom);
  });

  it.each([
    'The plan will fail, said the mayor.',
    'Experts at Northfield University say the design is sound.',
    'A study by Northfield University found that sea levels rose 4 cm.',
    'Experts agree the plan will fail, Marsh said.',
    '"Experts agree," Marsh said.',
    'Two people said the meeting was tense.',
    'According to the council report, the talks collapsed.',
    'Some Harbor Point residents say the ferry is late.',
  ])('leaves the attributed "%s" alone', (sentence) => {
    expect(categories(sentence)).not.toContain('unattributed-claim');
  });
});

describe('persuasion techniques', () => {
  it.each([
    ['This bill will destroy our way of life.', 'appeal-to-fear'],
    ["We must act before it is too late, and before it's too late for our children.", 'appeal-to-fear'],
    ['Can we really trust anything the council says?', 'doubt-casting'],
    ['The so-called experts were wrong again.', 'doubt-casting'],
    ['Real Americans will never accept this.', 'flag-waving'],
    ['Voting against it would be un-American.', 'flag-waving'],
    ['Inflation is all because of the new governor.', 'causal-oversimplification'],
    ['The mayor is solely to blame for the flooding.', 'causal-oversimplification'],
    ['Either we build the wall or we lose the town.', 'false-dilemma'],
    ["But what about the senator's own travel budget?", 'false-dilemma'],
    ['The plan is backed by a gang of cronies and lackeys.', 'name-calling'],
  ])('flags "%s" as %s', (sentence, category) => {
    expect(categories(sentence)).toContain(category);
  });

  it.each([
    'The storm could destroy crops in the valley, forecasters said.',
    'Either the bus or the train will take you there.',
    'What about the weather on Saturday?',
    'The flood was caused by three days of rain and a blocked culvert.',
    'The puppet show starts at noon.',
    'Free radicals damage cells.',
  ])('leaves "%s" alone', (sentence) => {
    expect(flag(sentence)).toEqual([]);
  });
});

describe('flagBiasByRules on neutral and tricky sentences', () => {
  it.each([
    'The council approved the plan by six votes to three.',
    'He was admitted to hospital on Friday.',
    'The tax regime changed in April.',
    'The total cost of the project is $48 million.',
    'Dry the skillet completely on a low burner.',
    'Officials said the ferry would run every hour.',
    'The senator never voted for the bill.',
    'Police confirmed that no one was hurt.',
    'The Radical Party won four seats, and Mr Savage took one.',
    'Catastrophic flooding closed the road.',
  ])('does not flag "%s"', (sentence) => {
    expect(flag(sentence)).toEqual([]);
  });

  it('matches inflections: slams, slamming, radically', () => {
    const flags = flag('She slams them. He was slamming them. It radically changed.');
    expect(flags.map((f) => f.cues[0]?.text)).toEqual(['slams', 'slamming', 'radically']);
    expect(flags[0]?.suggestion).toBe('She criticizes them.');
  });

  it('does not match a reporting verb to a hedge adverb ("reported" is not "reportedly")', () => {
    expect(flag('The paper reported a loss.')).toEqual([]);
  });

  it('softens words inside a direct quotation', () => {
    expect(flag('"We will totally win," Reyes said.')).toEqual([]);
    expect(flag('"Experts agree," Marsh said.')).toEqual([]);
    expect(categories('We will totally and utterly win.')).toEqual(['exaggeration']);
  });

  it('scores two cues higher than one', () => {
    const [one] = flag('Reyes slammed the plan.');
    const [two] = flag('Reyes slammed the disastrous plan.');
    expect(two?.score).toBeGreaterThan(one?.score ?? 1);
  });

  it('ships a lexicon of a few hundred cues over the word-choice categories, with no duplicates', () => {
    expect(BIAS_CUES.length).toBeGreaterThan(300);
    expect(new Set(BIAS_CUES.map((c) => c.category))).toEqual(
      new Set(['loaded-language', 'name-calling', 'exaggeration', 'framing-verb', 'hedge']),
    );
    for (const cue of BIAS_CUES) expect(BIAS_CATEGORIES).toContain(cue.category);
    const keys = BIAS_CUES.map((c) => `${c.category}:${c.words.join(' ')}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
