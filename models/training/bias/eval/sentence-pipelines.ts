import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BiasFlag, Span } from '../../../../shared/protocol/results';
import { isAlert } from '../../../../shared/lite/bias-category-legend';
import { createBiasModel } from '../../../../shared/lite/bias-classifier/create-bias-model';
import { flagBiasByRules } from '../../../../shared/lite/flag-bias-by-rules';
import { flagBiasLite } from '../../../../shared/lite/flag-bias-lite';
import { createOrtBiasRunner, loadBiasClassifier } from '../ort-bias-runner';
import { BIAS_MODEL_DIR } from '../bias-paths';
import { BiasClassifierV1ConfigSchema } from '../v1/bias-classifier-v1-config';
import { scoreBiasSentences } from '../v1/score-bias-sentences';

/** One way of flagging sentences, run on many at once; returns each sentence's flags. */
export interface SentencePipeline {
  readonly name: string;
  flag(sentences: readonly string[]): Promise<BiasFlag[][]>;
}

const V1_DIR = fileURLToPath(new URL('../v1/', import.meta.url));

/** Sentences on lines of one text (a few batched runs instead of one per sentence), with their spans. */
export function asLines(sentences: readonly string[]): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  let at = 0;
  for (const sentence of sentences) {
    const clean = sentence.replace(/\n/gu, ' ');
    spans.push({ start: at, end: at + clean.length, text: clean });
    at += clean.length + 1;
  }
  return { text: spans.map((s) => s.text).join('\n'), spans };
}

function bySentence(spans: readonly Span[], flags: readonly BiasFlag[]): BiasFlag[][] {
  return spans.map((span) => flags.filter((f) => f.start >= span.start && f.end <= span.end));
}

/** The flags a reader is alerted to: every category but the quiet ones (vague claims). */
export function alerting(flags: readonly BiasFlag[]): BiasFlag[] {
  return flags.filter(isAlert);
}

/**
 * The pipelines measured side by side: Loupe as shipped (the loaded-word model with the rules
 * beside it), the model alone, the rules alone, and lite/bias@1 (the sentence classifier that
 * shipped before, at its own threshold; a flag in the loaded-language category when it fires).
 */
export function sentencePipelines(modelDir: string = BIAS_MODEL_DIR): SentencePipeline[] {
  const { config, runner } = loadBiasClassifier(modelDir);
  const model = createBiasModel(runner, config);
  const v1 = BiasClassifierV1ConfigSchema.parse(JSON.parse(readFileSync(join(V1_DIR, 'classifier-config.json'), 'utf8')));
  const v1Runner = createOrtBiasRunner(v1.modelId, join(V1_DIR, v1.modelFile));
  const run = (name: string, flagText: (text: string, spans: Span[]) => Promise<BiasFlag[]>): SentencePipeline => ({
    name,
    async flag(sentences) {
      const { text, spans } = asLines(sentences);
      return bySentence(spans, await flagText(text, spans));
    },
  });
  return [
    run(`Loupe lite (${config.modelId} + rules)`, (text, spans) => flagBiasLite(text, spans, { model })),
    run(`${config.modelId} alone`, (text, spans) => model.flag(text, spans)),
    run('rules alone (no model)', async (text, spans) => flagBiasByRules(text, spans)),
    run(`${v1.modelId} (previous model)`, async (text, spans) =>
      (await scoreBiasSentences(v1Runner, v1, text, spans))
        .filter((s) => s.probability >= v1.threshold)
        .map((s) => ({
          ...s.sentence,
          category: 'loaded-language' as const,
          score: s.probability,
          explanation: 'lite/bias@1',
          cues: [{ ...s.sentence, weight: 1 }],
        })),
    ),
  ];
}
