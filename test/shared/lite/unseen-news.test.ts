import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/lite/analyze-text';
import { createBiasModel } from '../../../shared/lite/bias-classifier/create-bias-model';
import { loadBiasClassifier } from '../../../models/training/bias/ort-bias-runner';
import { BIAS_MODEL_DIR } from '../../../models/training/bias/bias-paths';
import { articleText } from './article-text';

const { config, runner } = loadBiasClassifier(BIAS_MODEL_DIR);

/**
 * A story written after every threshold and rule was settled, and not tuned on since: the
 * shipped lite path must flag its unattributed claim and its loaded sentences, and nothing else.
 */
describe('an unseen news story', () => {
  it('flags the unattributed claim and the loaded sentences, and leaves the reporting alone', async () => {
    const text = articleText('unseen-news.html');
    const analysis = await analyzeText(text, { tasks: ['bias'], engine: 'in-process', models: { bias: createBiasModel(runner, config) } });
    const flagged = [...new Set(analysis.bias!.flags.map((f) => f.text))];
    expect(flagged).toEqual([
      'Some say the deal was rushed through behind closed doors.',
      'Campaigner Tomas Reid lashed out at the shameless board, calling the contract a disgraceful giveaway to a greedy operator.',
      'The outrageous fares will bleed ordinary islanders dry while fat cats in the boardroom pocket the profits.',
    ]);
    const claim = analysis.bias!.flags.filter((f) => f.text.startsWith('Some say'));
    expect(claim.map((f) => f.category)).toEqual(['unattributed-claim']);
    expect(claim[0]?.cues.map((c) => c.text)).toEqual(['Some say']);
  });
});
