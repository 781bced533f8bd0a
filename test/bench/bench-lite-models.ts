import nlp from 'compromise';
import { loadLiteModels, type LoadedLiteModels } from '../../daemon/lite-models/load-lite-models';
import { createLogger } from '../../daemon/logger';
import { measureBiasThroughput } from '../../models/training/bias/bias-throughput';
import { benchEntities } from '../../models/training/entities/bench-entities';
import { taggerTokens } from '../../shared/lite/entity-tagger/tagger-tokens';
import { flagBiasByRules } from '../../shared/lite/flag-bias-by-rules';
import { segmentSentences } from '../../shared/text/segment-sentences';
import { benchText } from './bench-corpus';
import { heading, measureInterleaved, note, num, perSecond, ratio, rows } from './bench-timing';

const PARAGRAPHS = 60;

/** The daemon's own lite models (models/lite, sha256-checked, onnxruntime-node CPU). */
export function loadBenchModels(): Promise<LoadedLiteModels> {
  return loadLiteModels({ logger: createLogger('quiet') });
}

/** Tokens/s of the lite tagger vs compromise's people/places/organizations on the same text. */
export async function benchEntitiesSection(lite: LoadedLiteModels): Promise<void> {
  heading('entities: lite tagger vs compromise (baseline), same text');
  const model = lite.entities;
  if (!model) return note(`not measured: ${lite.unavailable.entities}`);
  const text = benchText(PARAGRAPHS);
  const sentences = segmentSentences(text);
  const tokens = sentences.reduce((sum, s) => sum + taggerTokens(s.text).length, 0);
  const found = { lite: 0, compromise: 0 };
  const { lite: liteTiming, compromise: baseTiming } = await measureInterleaved(
    {
      lite: async () => (found.lite = (await model.tag(text, sentences)).length),
      compromise: () => {
        const doc = nlp(text);
        found.compromise = doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
      },
    },
    { warmup: 1, runs: 7 },
  );
  note(
    `text: ${PARAGRAPHS} project-written paragraphs, ${num(text.length)} characters, ${num(tokens)} tokens (Loupe's tokeniser, used for both rates)`,
  );
  rows([
    ['engine', 'tokens/s', 'median ms', 'names found'],
    [
      `${model.id} (onnxruntime-node ${model.backend}, tag + Viterbi)`,
      num(perSecond(tokens, liteTiming)),
      num(liteTiming.medianMs),
      String(found.lite),
    ],
    ['compromise people+places+organizations', num(perSecond(tokens, baseTiming)), num(baseTiming.medianMs), String(found.compromise)],
  ]);
  note(`lite tagger vs compromise: ${ratio(liteTiming.medianMs, baseTiming.medianMs, false)}`);
  const helper = await benchEntities({ paragraphs: 50, runs: 5 });
  note(
    `cross-check, benchEntities() of models/training/entities (its own text, 1 ORT thread): ${num(helper.tokensPerSecond)} tokens/s over ${num(helper.tokens)} tokens`,
  );
}

/** Sentences/s of the lite bias classifier vs the cue-lexicon rules on the same sentences. */
export async function benchBiasSection(lite: LoadedLiteModels): Promise<void> {
  heading('bias: lite classifier vs lexicon rules (baseline), same sentences');
  const model = lite.bias;
  if (!model) return note(`not measured: ${lite.unavailable.bias}`);
  const text = benchText(PARAGRAPHS);
  const sentences = segmentSentences(text);
  const flags = { model: 0, rules: 0 };
  const { model: modelTiming, rules: rulesTiming } = await measureInterleaved(
    {
      model: async () => (flags.model = (await model.flag(text, sentences)).length),
      rules: () => (flags.rules = flagBiasByRules(text, sentences).length),
    },
    { warmup: 1, runs: 7 },
  );
  note(`text: the same ${PARAGRAPHS} paragraphs, ${sentences.length} sentences`);
  rows([
    ['engine', 'sentences/s', 'median ms', 'flags'],
    [
      `${model.id} (onnxruntime-node ${model.backend}, features + ONNX + cue attribution)`,
      num(perSecond(sentences.length, modelTiming)),
      num(modelTiming.medianMs),
      String(flags.model),
    ],
    ['flagBiasByRules (cue lexicon)', num(perSecond(sentences.length, rulesTiming)), num(rulesTiming.medianMs), String(flags.rules)],
  ]);
  note(`lite classifier vs rules: ${ratio(modelTiming.medianMs, rulesTiming.medianMs, false)}`);
  const helper = await measureBiasThroughput(text, 5);
  note(
    `cross-check, measureBiasThroughput() of models/training/bias (same text, 1 ORT thread, mean of 5): ${num(helper.sentencesPerSecond)} sentences/s`,
  );
}
