import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BiasClassifierConfig, parseBiasClassifierConfig } from '../../../shared/lite/bias-classifier/bias-classifier-config';
import type { TensorRunner } from '../../../shared/lite/tensor-runner';
import { createOrtNodeRunner } from '../entities/ort-node-runner';

/** The lite models' onnxruntime-node runner (CPU, one thread) holding just the bias model. */
export function createOrtBiasRunner(modelId: string, modelPath: string): TensorRunner {
  return createOrtNodeRunner({ [modelId]: modelPath });
}

/** Reads and validates `dir/classifier-config.json`, naming the fix when it is missing or bad. */
export function readBiasConfig(dir: string): BiasClassifierConfig {
  const path = join(dir, 'classifier-config.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `cannot read ${path} (${(error as Error).message}) — restore it from git or retrain with \`npx tsx models/training/bias/train-bias.ts\``,
    );
  }
  const parsed = parseBiasClassifierConfig(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** The config and a CPU runner for the bias model in `dir` (default: the committed one). */
export function loadBiasClassifier(dir: string): { config: BiasClassifierConfig; runner: TensorRunner } {
  const config = readBiasConfig(dir);
  return { config, runner: createOrtBiasRunner(config.modelId, join(dir, config.modelFile)) };
}
