import { LoupeError } from '../protocol/errors';
import { parseBiasClassifierConfig } from './bias-classifier/bias-classifier-config';
import { createBiasModel } from './bias-classifier/create-bias-model';
import { createEntityModel } from './entity-tagger/create-entity-model';
import { parseTaggerConfig } from './entity-tagger/tagger-config';
import type { BiasModel, EntityModel } from './lite-models';
import type { TensorRunner } from './tensor-runner';

/** The tasks Loupe's trained lite models serve (the others run on rules and patterns). */
export type LiteModelTask = 'entities' | 'bias';

/**
 * How one trained lite model is found, checked, built and tried once: the daemon and the
 * browser's engine host load the same models the same way, each from its own files.
 */
export interface LiteModelSpec<M> {
  readonly task: LiteModelTask;
  readonly catalogueId: string;
  /** Plain words for a note: what the model is, and what stands in for it when it is absent. */
  readonly name: string;
  readonly rulesName: string;
  /**
   * Validates the config (zod, via the shared parser) and builds the model over `runner`.
   * @param onnxFile the .onnx file name the catalogue lists, which the config must name too.
   * @param fix what the user does about a bad file where it is read (rebuild, restore, retrain).
   * @throws LoupeError `model-corrupt` naming `fix`.
   */
  build(runner: TensorRunner, configJson: unknown, onnxFile: string, fix: string): M;
  /** Runs the network once on a tiny text, so a missing or broken .onnx shows up at load. */
  probe(model: M): Promise<unknown>;
}

const PROBE = 'Loupe reads with you.';
const PROBE_SENTENCES = [{ start: 0, end: PROBE.length, text: PROBE }];

/** The trained entity tagger (`lite/entities`). */
export const ENTITY_SPEC: LiteModelSpec<EntityModel> = {
  task: 'entities',
  catalogueId: 'lite/entities',
  name: 'entity tagger',
  rulesName: 'entities come from capitalisation heuristics',
  build(runner, json, _onnxFile, fix) {
    const parsed = parseTaggerConfig(json);
    if (!parsed.ok) throw new LoupeError('model-corrupt', `${parsed.error} — ${fix}`);
    return createEntityModel(runner, parsed.value);
  },
  probe: (model) => model.tag(PROBE, PROBE_SENTENCES),
};

/** The trained bias classifier (`lite/bias`). */
export const BIAS_SPEC: LiteModelSpec<BiasModel> = {
  task: 'bias',
  catalogueId: 'lite/bias',
  name: 'bias classifier',
  rulesName: 'bias flags come from the cue-lexicon rules',
  build(runner, json, onnxFile, fix) {
    const parsed = parseBiasClassifierConfig(json);
    if (!parsed.ok) throw new LoupeError('model-corrupt', `${parsed.error} — ${fix}`);
    if (parsed.value.modelFile !== onnxFile) {
      throw new LoupeError(
        'model-corrupt',
        `classifier-config.json names ${parsed.value.modelFile} but the catalogue lists ${onnxFile} — ${fix}.`,
      );
    }
    return createBiasModel(runner, parsed.value);
  },
  probe: (model) => model.flag(PROBE, PROBE_SENTENCES),
};
