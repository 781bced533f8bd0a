import type { FullTask } from '../../shared/full/full-runtime';
import type { EngineInfo } from '../../shared/protocol/messages';
import { chooseDevice, createOnnxDeviceProbe, type DeviceProbe } from '../full/choose-device';
import { createFullEngine, FULL_MODEL_IDS, type FullEngine, type FullEngineOptions } from '../full/full-engine';
import type { Logger } from '../logger';
import { createModelStore, type ModelStore } from '../model-store/model-store';
import type { Settings } from '../settings';
import { createInstalledModels, type InstalledModels } from './installed-models';

/** The full tier as the daemon runs it: one device, one engine, the store's installed models. */
export interface FullTier {
  /** The execution provider chosen at start, and why (engine info's `device`). */
  readonly device: EngineInfo['device'];
  readonly engine: FullEngine;
  readonly installed: InstalledModels;
  /** The catalogue model that serves each task in the full tier. */
  readonly modelIds: Readonly<Record<FullTask, string>>;
  close(): Promise<void>;
}

export interface StartFullTierOptions {
  settings: Pick<Settings, 'device' | 'cacheDir' | 'modelMirror'>;
  logger: Logger;
  /** Default: the real store over `settings.cacheDir` and the catalogue in this checkout. */
  store?: ModelStore;
  /** Default: the probe against the installed onnxruntime-node. */
  probe?: DeviceProbe;
  /** Engine knobs (batch size, memory budget, idle time...). */
  engine?: Partial<Omit<FullEngineOptions, 'resolveModel' | 'device' | 'logger'>>;
  /** How often the installed list behind `GET /` is re-read (default 30 s). */
  refreshMs?: number;
}

/** The folder of an installed model, in the dtype the device prefers when that one was pulled. */
function modelResolver(store: ModelStore, preferred: string): (id: string) => Promise<string> {
  return async (id) => {
    const state = await store.inspectModel(id);
    const dtype = state.dtypes.find((d) => d === preferred) ?? state.dtypes[0];
    return (await store.resolveModelFiles(id, dtype)).dir;
  };
}

/**
 * Chooses the execution provider (LOUPE_DEVICE; an explicit one that cannot work throws a
 * SettingsError naming the fix), logs it, and creates the full engine over the model store.
 * Models load on first use, so starting costs the device probe only.
 */
export async function startFullTier(options: StartFullTierOptions): Promise<FullTier> {
  const { settings, logger } = options;
  const choice = await chooseDevice({ requested: settings.device, probe: options.probe ?? createOnnxDeviceProbe() });
  logger.info(`execution provider: ${choice.device} (${choice.reason})`);
  const store = options.store ?? createModelStore({ cacheDir: settings.cacheDir, mirror: settings.modelMirror, logger });
  const models = { ...FULL_MODEL_IDS, ...options.engine?.models };
  const engine = createFullEngine({
    dtype: choice.dtype,
    ...options.engine,
    models,
    resolveModel: modelResolver(store, options.engine?.dtype ?? choice.dtype),
    device: choice.device,
    logger,
  });
  const installed = createInstalledModels(store, logger);
  const found = await installed.refresh();
  logger.info(
    found.length
      ? `full-tier models installed: ${found.map((m) => m.id).join(', ')}`
      : 'no full-tier models installed (`loupe models list` shows them; requests for the full tier use lite until they are pulled)',
  );
  const timer = setInterval(() => void installed.refresh(), options.refreshMs ?? 30_000);
  timer.unref();
  return {
    device: { backend: choice.device, reason: choice.reason },
    engine,
    installed,
    modelIds: models,
    async close() {
      clearInterval(timer);
      await engine.close();
    },
  };
}

/**
 * Engine info with the full tier's execution provider (its reason first, then what the lite
 * side said about itself) and the installed full models beside the lite ones.
 */
export function describeWithFullTier(base: EngineInfo, tier: Pick<FullTier, 'device' | 'installed'>): EngineInfo {
  const full = tier.installed.forEngineInfo();
  const ids = new Set(full.map((m) => m.id));
  const device = { backend: tier.device.backend, reason: `full tier: ${tier.device.reason}; ${base.device.reason}` };
  return { ...base, device, models: [...base.models.filter((m) => !ids.has(m.id)), ...full] };
}
