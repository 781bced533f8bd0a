import { describe, expect, it } from 'vitest';
import { BiasFlagSchema } from '../../../../shared/protocol/results';
import { createBiasModel } from '../../../../shared/lite/bias-classifier/create-bias-model';
import { scoreBiasSentences } from '../../../../shared/lite/bias-classifier/score-bias-sentences';
import { segmentSentences } from '../../../../shared/text/segment-sentences';
import { loadBiasClassifier } from '../../../../models/training/bias/ort-bias-runner';
import { BIAS_MODEL_DIR } from '../../../../models/training/bias/train-bias';
import { LOADED_AND_NEUTRAL } from './bias-sentences';

const { config, runner } = loadBiasClassifier(BIAS_MODEL_DIR);
const model = createBiasModel(runner, config);

async function probabilityOf(sentence: string): Promise<number> {
  const [scored] = await scoreBiasSentences(runner, config, sentence, [{ start: 0, end: sentence.length, text: sentence }]);
  return scored?.probability ?? Number.NaN;
}

describe('createBiasModel on the committed lite/bias model', () => {
  it.each(LOADED_AND_NEUTRAL)('scores "$loaded" above its neutral rewrite', async ({ loaded, neutral }) => {
    expect(await probabilityOf(loaded)).toBeGreaterThan(await probabilityOf(neutral));
  });

  it('flags the loaded sentences of a page and leaves its neutral report alone', async () => {
    const text = LOADED_AND_NEUTRAL.flatMap((pair) => [pair.loaded, pair.neutral]).join(' ');
    const flags = await model.flag(text, segmentSentences(text));
    const flagged = new Set(flags.map((flag) => flag.text));
    const loadedFlagged = LOADED_AND_NEUTRAL.filter((pair) => flagged.has(pair.loaded)).length;
    const neutralFlagged = LOADED_AND_NEUTRAL.filter((pair) => flagged.has(pair.neutral)).length;
    expect(loadedFlagged).toBeGreaterThanOrEqual(5);
    expect(neutralFlagged).toBeLessThanOrEqual(1);
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
      expect(cue.weight).toBeGreaterThan(0);
      expect(flag.explanation).toContain(`'${cue.text}'`);
    }
    expect(flag.explanation).toContain(`bias score ${flag.score.toFixed(2)}`);
  });

  it("takes the category and a neutral rewording from Loupe's cue lexicon when a cue word is in it", async () => {
    const text = 'Senator Hale slammed the radical proposal.';
    const [flag] = await model.flag(text, segmentSentences(text));
    expect(flag?.cues.map((cue) => cue.text)).toContain('slammed');
    expect(flag?.category).toBe('loaded-language');
    expect(flag?.suggestion).toMatch(/criticized/);
  });

  it('returns nothing for no sentences, and reports its id and backend', async () => {
    expect(await model.flag('', [])).toEqual([]);
    expect(model.id).toBe(config.modelId);
    expect(model.backend).toBe('cpu');
  });
});
