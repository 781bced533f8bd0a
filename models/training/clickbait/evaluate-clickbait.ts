import { createBiasModel } from '../../../shared/lite/bias-classifier/create-bias-model';
import { headlineWords } from '../../../shared/lite/clickbait/headline-features';
import { binaryScores } from '../bias/binary-metrics';
import { loadBiasClassifier } from '../bias/ort-bias-runner';
import { BIAS_MODEL_DIR } from '../bias/bias-paths';
import { readClickbait, type Headline } from './read-clickbait';

export interface HeadlineScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface ClickbaitEvaluation {
  readonly dev: { readonly headlines: number };
  readonly test: { readonly headlines: number };
  readonly rows: readonly { readonly name: string; readonly dev: HeadlineScores; readonly test: HeadlineScores }[];
}

/** Words that tease in a headline, for the baseline: a rule anyone could write. */
const TEASERS = new Set(['you', 'your', 'this', 'these', 'why', 'what', 'how', 'will', 'things', 'ever', 'here', "here's"]);

/** The baseline: a title that opens with a number or holds a teasing word. */
function teaserRule(title: string): boolean {
  const words = headlineWords(title);
  return words[0] === '<num>' || words.some((w) => TEASERS.has(w));
}

/**
 * The shipped clickbait head (through onnxruntime-node, at its threshold) and the teaser rule
 * on Loupe's dev and test parts of the headlines (split by a hash; the head trained on the rest).
 */
export async function evaluateClickbait(dataDir: string, modelDir: string = BIAS_MODEL_DIR): Promise<ClickbaitEvaluation> {
  const { config, runner } = loadBiasClassifier(modelDir);
  const model = createBiasModel(runner, config);
  if (!model.scoreTitles)
    throw new Error(`${modelDir}/classifier-config.json has no clickbait head — retrain with \`npm run train -- bias\``);
  const parts = { dev: readClickbait(dataDir, 'dev'), test: readClickbait(dataDir, 'test') };
  const score = (flags: readonly boolean[], headlines: readonly Headline[]): HeadlineScores => {
    const s = binaryScores(
      flags,
      headlines.map((h) => h.label),
    ).perClass.biased;
    return { precision: s.precision, recall: s.recall, f1: s.f1 };
  };
  const head = async (headlines: readonly Headline[]) => {
    const { probabilities, threshold } = await model.scoreTitles!(headlines.map((h) => h.text));
    return score(
      probabilities.map((p) => p >= threshold),
      headlines,
    );
  };
  return {
    dev: { headlines: parts.dev.length },
    test: { headlines: parts.test.length },
    rows: [
      {
        name: `Loupe clickbait head (${config.modelId}, threshold ${config.clickbait?.threshold})`,
        dev: await head(parts.dev),
        test: await head(parts.test),
      },
      {
        name: 'teaser rule (number first, or you/this/why/how...)',
        dev: score(
          parts.dev.map((h) => teaserRule(h.text)),
          parts.dev,
        ),
        test: score(
          parts.test.map((h) => teaserRule(h.text)),
          parts.test,
        ),
      },
    ],
  };
}
