import catalogue from '../../../models/catalogue.json';
import type { BiasModel, EntityModel, LiteModels } from '../../../shared/lite/lite-models';
import type { TensorRunner } from '../../../shared/lite/tensor-runner';
import { LoupeError } from '../../../shared/protocol/errors';
import { BIAS_SPEC, ENTITY_SPEC, type LiteModelSpec, type LiteModelTask } from '../../../shared/lite/lite-model-specs';
import { REBUILD_FIX } from './rebuild-fix';

/** The slice of a catalogue entry this reads (the full schema is shared/models/catalogue-schema.ts). */
export interface CatalogueEntryLike {
  id: string;
  source: { kind: string; dir?: string };
  files: { path: string }[];
}

/** The trained lite models the browser engine loaded, and why any is not in use. */
export interface BrowserLiteModels extends LiteModels {
  /** Per task, why its rules run instead (shown as the provenance note). */
  readonly unavailable: Partial<Record<LiteModelTask, string>>;
}

export interface LiteModelLoaderDeps {
  /** The in-browser engine; its `backend` is read after each run (WebGPU may fall back to wasm). */
  runner: TensorRunner;
  /** Reads a JSON file bundled in the extension by its path (`/models/lite/...`). */
  fetchJson(path: string): Promise<unknown>;
  /** Default: whether this context has WebAssembly at all (a browser policy can turn it off). */
  hasWebAssembly?: () => boolean;
  catalogue?: readonly CatalogueEntryLike[];
}

export interface LiteModelLoader {
  /** Loads on first call (configs, then one tiny run per model); later calls share the outcome. */
  load(): Promise<BrowserLiteModels>;
  /** Drops the outcome, so the next call loads again (after a model failed mid-analysis). */
  forget(): void;
}

interface Outcome<M> {
  model?: M;
  missing?: string;
  /** False when the failure may pass (the engine host restarting): the next annotation retries. */
  lasting: boolean;
}

/**
 * The trained entity tagger and bias classifier for the in-browser engine, loaded lazily over
 * the offscreen runner and cached. A model that cannot load (missing or corrupt file, invalid
 * config, no WebAssembly) is left out: its task runs on rules, and `unavailable` says why and
 * what fixes it.
 */
export function createLiteModelLoader(deps: LiteModelLoaderDeps): LiteModelLoader {
  let cached: Promise<BrowserLiteModels> | undefined;
  return {
    load() {
      cached ??= loadModels(deps).then(({ models, lasting }) => {
        if (!lasting) cached = undefined;
        return models;
      });
      return cached;
    },
    forget() {
      cached = undefined;
    },
  };
}

async function loadModels(deps: LiteModelLoaderDeps): Promise<{ models: BrowserLiteModels; lasting: boolean }> {
  const [entities, bias] = await Promise.all([loadOne<EntityModel>(ENTITY_SPEC, deps), loadOne<BiasModel>(BIAS_SPEC, deps)]);
  const unavailable: Partial<Record<LiteModelTask, string>> = {};
  if (entities.missing) unavailable.entities = entities.missing;
  if (bias.missing) unavailable.bias = bias.missing;
  return {
    models: { ...(entities.model ? { entities: entities.model } : {}), ...(bias.model ? { bias: bias.model } : {}), unavailable },
    lasting: entities.lasting && bias.lasting,
  };
}

async function loadOne<M extends { readonly id: string; readonly backend: string }>(
  spec: LiteModelSpec<M>,
  deps: LiteModelLoaderDeps,
): Promise<Outcome<M>> {
  const hasWebAssembly = deps.hasWebAssembly ?? (() => typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function');
  if (!hasWebAssembly()) {
    return {
      missing: `WebAssembly is turned off in this browser (a policy or flag), so the trained ${spec.name} cannot run and ${spec.rulesName} — allow WebAssembly, or route ${spec.task} to the daemon in Options.`,
      lasting: true,
    };
  }
  try {
    const { configPath, onnxFile } = locate(spec, deps.catalogue ?? catalogue.models);
    const built = spec.build(deps.runner, await deps.fetchJson(configPath), onnxFile, `in the extension: ${REBUILD_FIX}`);
    const model = withLiveBackend(built, deps.runner);
    await spec.probe(model);
    return { model, lasting: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const fix = message.includes(REBUILD_FIX) ? '' : ` — if this persists, ${REBUILD_FIX}`;
    const lasting = error instanceof LoupeError && (error.code === 'model-missing' || error.code === 'model-corrupt');
    return { missing: `Trained ${spec.name} ${spec.catalogueId} not loaded (${message}), so ${spec.rulesName}${fix}.`, lasting };
  }
}

function locate(spec: LiteModelSpec<unknown>, entries: readonly CatalogueEntryLike[]): { configPath: string; onnxFile: string } {
  const entry = entries.find((e) => e.id === spec.catalogueId && e.source.kind === 'bundled' && e.source.dir);
  const config = entry?.files.find((f) => f.path.endsWith('.json'));
  const onnx = entry?.files.find((f) => f.path.endsWith('.onnx'));
  if (!entry?.source.dir || !config || !onnx) {
    throw new LoupeError(
      'model-missing',
      `the extension's model catalogue lists no bundled ${spec.catalogueId} with a .json and an .onnx file: ${REBUILD_FIX}`,
    );
  }
  return { configPath: `/${entry.source.dir}/${config.path}`, onnxFile: onnx.path };
}

/** The shared models read `runner.backend` once, at creation; the engine only knows it after a run. */
function withLiveBackend<M extends { readonly backend: string }>(model: M, runner: TensorRunner): M {
  return new Proxy(model, { get: (target, key, receiver) => (key === 'backend' ? runner.backend : Reflect.get(target, key, receiver)) });
}
