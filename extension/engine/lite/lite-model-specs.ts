import { parseBiasClassifierConfig } from '../../../shared/lite/bias-classifier/bias-classifier-config';
import { createBiasModel } from '../../../shared/lite/bias-classifier/create-bias-model';
import { createEntityModel } from '../../../shared/lite/entity-tagger/create-entity-model';
import { parseTaggerConfig } from '../../../shared/lite/entity-tagger/tagger-config';
import type { BiasModel, EntityModel } from '../../../shared/lite/lite-models';
import type { TensorRunner } from '../../../shared/lite/tensor-runner';
import { LoupeError } from '../../../shared/protocol/errors';

export type LiteModelTask = 'entities' | 'bias';

/** What users of an extension can do about a bad bundled file (not retrain: that is the developers' fix). */
export const REBUILD_FIX = 'reinstall or rebuild the extension (npm run build)';

/** How one trained lite model is found, checked, built and tried once. */
export interface LiteModelSpec<M> {
  readonly task: LiteModelTask;
  readonly catalogueId: string;
  /** Plain words for the note: what the model is, and what stands in for it. */
  readonly name: string;
  readonly rulesName: string;
  /** Validates the config (zod, via the shared parser) and builds the model over `runner`. */
  build(runner: TensorRunner, configJson: unknown, onnxFile: string): M;
  /** Runs the network once on a tiny text, so a missing or broken .onnx shows up at load. */
  probe(model: M): Promise<unknown>;
}

const PROBE = 'Loupe reads with you.';
const PROBE_SENTENCES = [{ start: 0, end: PROBE.length, text: PROBE }];

export const ENTITY_SPEC: LiteModelSpec<EntityModel> = {
  task: 'entities',
  catalogueId: 'lite/entities',
  name: 'entity tagger',
  rulesName: 'entities come from capitalisation heuristics',
  build(runner, json) {
    const parsed = parseTaggerConfig(json);
    if (!parsed.ok) throw new LoupeError('model-corrupt', `${parsed.error}; in the extension: ${REBUILD_FIX}`);
    return createEntityModel(runner, parsed.value);
  },
  probe: (model) => model.tag(PROBE, PROBE_SENTENCES),
};

export const BIAS_SPEC: LiteModelSpec<BiasModel> = {
  task: 'bias',
  catalogueId: 'lite/bias',
  name: 'bias classifier',
  rulesName: 'bias flags come from the cue-lexicon rules',
  build(runner, json, onnxFile) {
    const parsed = parseBiasClassifierConfig(json);
    if (!parsed.ok) throw new LoupeError('model-corrupt', `${parsed.error}; in the extension: ${REBUILD_FIX}`);
    if (parsed.value.modelFile !== onnxFile) {
      throw new LoupeError('model-corrupt', `classifier-config.json names ${parsed.value.modelFile} but the catalogue lists ${onnxFile} — ${REBUILD_FIX}.`);
    }
    return createBiasModel(runner, parsed.value);
  },
  probe: (model) => model.flag(PROBE, PROBE_SENTENCES),
};
