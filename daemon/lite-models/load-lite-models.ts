import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BIAS_SPEC as BIAS,
  ENTITY_SPEC as ENTITIES,
  type LiteModelSpec as LiteSpec,
  type LiteModelTask,
} from '../../shared/lite/lite-model-specs';
import type { LiteModels } from '../../shared/lite/lite-models';
import type { TensorRunner } from '../../shared/lite/tensor-runner';
import type { Catalogue, CatalogueEntry } from '../../shared/models/catalogue-schema';
import type { EngineInfo } from '../../shared/protocol/messages';
import { LoupeError } from '../../shared/protocol/errors';
import type { Logger } from '../logger';
import { loadCatalogue } from '../model-store/load-catalogue';
import { createOrtNodeRunner, liteModelFix } from './ort-node-runner';
import { corruptFix, verifyLiteFiles } from './verify-lite-files';

/** The folder holding `entities/` and `bias/` in this checkout. */
export const DEFAULT_LITE_MODELS_DIR = fileURLToPath(new URL('../../models/lite', import.meta.url));

export type { LiteModelTask };

/** A runner the loader can free when the engine stops. */
export type LiteRunner = TensorRunner & { release(): Promise<void> };

export interface LoadLiteModelsOptions {
  /** Folder holding one sub-folder per lite model (`entities/`, `bias/`); default models/lite. */
  modelsDir?: string;
  logger: Logger;
  /** Default: models/catalogue.json. */
  catalogue?: Catalogue;
  /** Opens the verified ONNX files (by the id the pipelines run); default onnxruntime-node on CPU. */
  createRunner?: (models: Record<string, string>) => LiteRunner;
}

/** The lite models a daemon or CLI loaded, with why any is absent. */
export interface LoadedLiteModels extends LiteModels {
  /** Why the trained model for a task is not in use (its rules are): shown in provenance and `GET /`. */
  readonly unavailable: Partial<Record<LiteModelTask, string>>;
  /** Engine-info entries of the loaded models. */
  readonly info: EngineInfo['models'];
  release(): Promise<void>;
}

interface Located {
  readonly onnx: string;
  readonly config: string;
  readonly entry: CatalogueEntry;
}

/**
 * Finds, checks and opens Loupe's trained lite models (entity tagger, bias classifier). Each
 * file is checked against the size and sha256 in the catalogue first. A model whose files are
 * missing is left out: its task falls back to rules, and the reason is logged and returned in
 * `unavailable`. ONNX sessions open lazily on first use.
 * @throws LoupeError `model-corrupt` when a file differs from the catalogue or a config is invalid.
 */
export async function loadLiteModels(options: LoadLiteModelsOptions): Promise<LoadedLiteModels> {
  const dir = options.modelsDir ?? DEFAULT_LITE_MODELS_DIR;
  const catalogue = options.catalogue ?? loadCatalogue();
  const unavailable: Partial<Record<LiteModelTask, string>> = {};
  const located = new Map<LiteModelTask, Located>();
  for (const spec of [ENTITIES, BIAS] as LiteSpec<unknown>[]) {
    const found = await locate(spec, catalogue, dir);
    if ('missing' in found) {
      unavailable[spec.task] = found.missing;
      options.logger.warn(found.missing);
    } else {
      located.set(spec.task, found);
    }
  }
  const onnxFiles = Object.fromEntries([...located.values()].map((l) => [l.entry.id, l.onnx]));
  // One thread per session: the lite graphs are small enough that thread hand-offs cost more
  // than they save (npm run bench -- entities), and concurrent requests use the other cores.
  const createRunner = options.createRunner ?? ((models) => createOrtNodeRunner({ models, logger: options.logger, intraOpNumThreads: 1 }));
  const runner = createRunner(onnxFiles);
  const build = async <M>(spec: LiteSpec<M>): Promise<M | undefined> => {
    const found = located.get(spec.task);
    return found ? spec.build(runner, await readConfig(found), path.basename(found.onnx), corruptFix(found.entry)) : undefined;
  };
  const [entities, bias] = await Promise.all([build(ENTITIES), build(BIAS)]);
  const info: EngineInfo['models'] = [];
  if (entities) info.push({ id: entities.id, task: 'entities', tier: 'lite' });
  if (bias) info.push({ id: bias.id, task: 'bias', tier: 'lite' });
  if (info.length > 0) options.logger.debug(`lite models: ${info.map((m) => m.id).join(', ')} (${runner.backend})`);
  return { ...(entities ? { entities } : {}), ...(bias ? { bias } : {}), unavailable, info, release: () => runner.release() };
}

async function locate<M>(spec: LiteSpec<M>, catalogue: Catalogue, dir: string): Promise<Located | { missing: string }> {
  const entry = catalogue.models.find((m) => m.id === spec.catalogueId);
  if (entry?.source.kind !== 'bundled') {
    return {
      missing: `${spec.catalogueId} is not a bundled model in models/catalogue.json, so ${spec.rulesName} — restore the catalogue with \`git checkout models/catalogue.json\``,
    };
  }
  const folder = path.join(dir, path.posix.basename(entry.source.dir));
  const check = await verifyLiteFiles(entry, folder);
  if (!check.ok)
    return { missing: `${spec.catalogueId} not loaded (${check.missing} is missing), so ${spec.rulesName} — ${liteModelFix(entry.id)}` };
  const onnx = entry.files.find((f) => f.dtype === entry.defaultDtype)?.path;
  const config = entry.files.find((f) => f.path.endsWith('.json'))?.path;
  if (!onnx || !config)
    throw new LoupeError(
      'internal',
      `The catalogue entry ${entry.id} should list one .onnx and one .json file — restore it with \`git checkout models/catalogue.json\`.`,
    );
  return { entry, onnx: check.files[onnx]!, config: check.files[config]! };
}

async function readConfig(found: Located): Promise<unknown> {
  try {
    return JSON.parse(await readFile(found.config, 'utf8'));
  } catch (error) {
    throw new LoupeError('model-corrupt', `${found.config} is not JSON (${(error as Error).message}) — ${corruptFix(found.entry)}.`, {
      cause: error,
    });
  }
}
