import { describe, expect, it } from 'vitest';
import { BiasFlagSchema } from '../../../../shared/protocol/results';
import { createBiasModel } from '../../../../shared/lite/bias-classifier/create-bias-model';
import { judgeSentence } from '../../../../shared/lite/bias-classifier/judge-sentence';
import { scoreLoadedWords } from '../../../../shared/lite/bias-classifier/score-loaded-words';
import { segmentSentences } from '../../../../shared/text/segment-sentences';
import { loadBiasClassifier } from '../../../../models/training/bias/ort-bias-runner';
import { BIAS_MODEL_DIR } from '../../../../models/training/bias/bias-paths';
import { LOADED_AND_NEUTRAL } from './bias-sentences';

const { config, runner } = loadBiasClassifier(BIAS_MODEL_DIR);
const model = createBiasModel(runner, config);

async function scoreOf(sentence: string): Promise<number> {
  const [scored] = await scoreLoadedWords(runner, config, sentence, [{ start: 0, end: sentence.length, text: sentence }]);
  return scored ? judgeSentence(scored, config).score : Number.NaN;
}

describe('createBiasModel on the committed lite/bias model', () => {
  it.each(LOADED_AND_NEUTRAL)('scores "$loaded" above its neutral rewrite', async ({ loaded, neutral }) => {
    expect(await scoreOf(loaded)).toBeGreaterThan(await scoreOf(neutral));
  });

  it('flags the loaded sentences of a page and leaves its neutral report alone', async () => {
    const text = LOADED_AND_NEUTRAL.flatMap((pair) => [pair.loaded, pair.neutral]).join(' ');
    const flagged = new Set((await model.flag(text, segmentSentences(text))).map((flag) => flag.text));
    expect(LOADED_AND_NEUTRAL.filter((pair) => flagged.has(pair.loaded)).length).toBeGreaterThanOrEqual(5);
    expect(LOADED_AND_NEUTRAL.filter((pair) => flagged.has(pair.neutral))).toEqual([]);
  });

  it('gives each flag cue words inside its span, with offsets that slice the text, named in the explanation', async () => {
    const text = `Officials met on Monday. ${LOADED_AND_NEUTRAL[0]!.loaded} The vote is next week.`;
    const flags = await model.flag(text, segmentSentences(text));
    expect(flags).toHaveLength(1);
    const flag = BiasFlagSchema.parse(flags[0]);
    expect(flag.text).toBe(LOADED_AND_NEUTRAL[0]!.loaded);
    expect(flag.score).toBeGreaterThanOrEqual(config.threshold);
    expect(flag.cues.length).toBeGreaterThanOrEqual(1);
    expect(flag.cues.length).toBeLessThanOrEqual(config.maxCues);
    for (const cue of flag.cues) {
      expect(text.slice(cue.start, cue.end)).toBe(cue.text);
      expect(cue.start).toBeGreaterThanOrEqual(flag.start);
      expect(cue.end).toBeLessThanOrEqual(flag.end);
      expect(cue.weight).toBeGreaterThanOrEqual(config.cueThreshold);
      expect(flag.explanation).toContain(`'${cue.text}'`);
    }
  });

  it('decides the same whatever the names: a swap for made-up ones changes nothing', async () => {
    const pairs = [
      ['In each case, President Trump tied himself to the outcome.', 'In each case, President Zorvel tied himself to the outcome.'],
      ['Senator Hale slammed the radical proposal.', 'Senator Quenbrix slammed the radical proposal.'],
      ['Clinton met Putin in Brick, New Jersey, with a table of aides.', 'Dartam met Ostrfen in Pimnol, Sarkulv, with a table of aides.'],
    ];
    for (const [original, swapped] of pairs) {
      const before = await model.flag(original!, segmentSentences(original!));
      const after = await model.flag(swapped!, segmentSentences(swapped!));
      expect(
        after.map((f) => f.category),
        swapped,
      ).toEqual(before.map((f) => f.category));
      expect(
        after.map((f) => f.cues.map((c) => c.text)),
        swapped,
      ).toEqual(before.map((f) => f.cues.map((c) => c.text)));
    }
    expect(await model.flag(pairs[2]![0]!, segmentSentences(pairs[2]![0]!))).toEqual([]);
  });

  it('scores page titles for clickbait with the same graph', async () => {
    const { probabilities, threshold } = await model.scoreTitles!([
      'You Will Not Believe What This Mayor Did Next',
      'Harbor Point approves $48 million seawall after heated vote',
    ]);
    expect(probabilities[0]).toBeGreaterThanOrEqual(threshold);
    expect(probabilities[1]).toBeLessThan(threshold);
  });

  it('returns nothing for no sentences, and reports its id and backend', async () => {
    expect(await model.flag('', [])).toEqual([]);
    expect(model.id).toBe(config.modelId);
    expect(model.backend).toBe('cpu');
  });
});
