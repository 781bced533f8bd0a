import { describe, expect, it } from 'vitest';
import { BiasFlagSchema } from '../../../shared/protocol/results';
import { BIAS_CUES } from '../../../shared/lite/bias-cues';
import { flagBiasByRules } from '../../../shared/lite/flag-bias-by-rules';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import { articleText } from './article-text';
import { assertSpansSliceText } from './assert-spans-slice-text';

const flag = (text: string) => flagBiasByRules(text, segmentSentences(text));

describe('flagBiasByRules on the news fixture', () => {
  const text = articleText('news-article.html');
  const flags = flag(text);
  const expected: [RegExp, string, string[]][] = [
    [/^Councillor Victor Reyes slammed/u, 'loaded-language', ['slammed', 'disastrous', 'reckless']],
    [/^Critics claim/u, 'hedge', ['Critics claim', 'reportedly']],
    [/^Experts agree/u, 'unattributed-claim', ['Experts agree']],
    [/^Marsh finally admitted/u, 'framing-verb', ['finally admitted']],
    [/^Opponents say the bond will totally/u, 'intensifier', ['totally', 'absolutely', 'every single']],
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

describe('flagBiasByRules on neutral and tricky sentences', () => {
  it.each([
    'The council approved the plan by six votes to three.',
    'A study by Northfield University found that sea levels rose 4 cm between 2010 and 2020.',
    'He was admitted to hospital on Friday.',
    'The tax regime changed in April.',
    'The total cost of the project is $48 million.',
    'Dry the skillet completely on a low burner.',
    'Officials said the ferry would run every hour.',
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
    expect(flag('"We will never give up," Reyes said.')).toEqual([]);
    expect(flag('"Experts agree," Marsh said.')).toEqual([]);
    expect(flag('We will never give up.').map((f) => f.category)).toEqual(['intensifier']);
  });

  it('scores two cues higher than one', () => {
    const [one] = flag('Reyes slammed the plan.');
    const [two] = flag('Reyes slammed the disastrous plan.');
    expect(two?.score).toBeGreaterThan(one?.score ?? 1);
  });

  it('ships a lexicon of a few hundred cues over every category, with no duplicates', () => {
    expect(BIAS_CUES.length).toBeGreaterThan(300);
    expect(new Set(BIAS_CUES.map((c) => c.category)).size).toBe(5);
    const keys = BIAS_CUES.map((c) => `${c.category}:${c.words.join(' ')}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('neutral rewordings read as English', () => {
  it('fixes the indefinite article before a replaced word', () => {
    const [flagged] = flag('The council called the harbor budget an outrageous fiasco.');
    expect(flagged?.suggestion).toBe('The council called the harbor budget a failure.');
  });

  it('offers no past-tense verb in place of a noun ("scheme" is not "schemed")', () => {
    const flags = flag('Opponents called it a sinister scheme to silence voters.');
    for (const f of flags) expect(f.suggestion ?? '').not.toMatch(/\ba planned\b/u);
  });
});

describe('dropping paired intensifiers', () => {
  it('drops the conjunction that joined them', () => {
    const flags = flag('Opponents say the bond will totally and absolutely ruin the family budget.');
    const intensifier = flags.find((f) => f.category === 'intensifier');
    expect(intensifier?.suggestion).toBe('Opponents say the bond will ruin the family budget.');
  });
});
