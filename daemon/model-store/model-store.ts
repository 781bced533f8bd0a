import type { Catalogue, CatalogueEntry, Dtype } from '../../shared/models/catalogue-schema';
import type { PullProgress } from '../../shared/models/pull-progress';
import { findCatalogueEntry } from '../../shared/models/select-model-files';
import { LoupeError } from '../../shared/protocol/errors';
import { systemClock, type Clock } from '../clock';
import { createLogger, type Logger } from '../logger';
import { acquirePullLock } from './acquire-pull-lock';
import { createDigestMemo } from './digest-memo';
import type { FetchLike } from './download-file';
import { inspectInstalled, verifyInstalled, type InstalledState, type VerifyReport } from './inspect-installed';
import { loadCatalogue } from './load-catalogue';
import { lockPath } from './model-paths';
import type { HubEntry, PullContext } from './pull-context';
import { pullModelFiles } from './pull-model';
import { removeInstalled } from './remove-installed';
import { resolveInstalled, type ResolvedModel } from './resolve-installed';

export interface ModelStoreOptions {
  cacheDir: string;
  /** Base URL of a Hugging Face-layout server (LOUPE_MODEL_MIRROR). */
  mirror: string;
  catalogue?: Catalogue;
  fetch?: FetchLike;
  clock?: Clock;
  logger?: Logger;
  /** Further attempts after a dropped connection (default 3). */
  retries?: number;
  retryDelayMs?: number;
  /** Accept files for which neither the catalogue nor the mirror gives a digest (see PullOptions); default false. */
  allowUnverified?: boolean;
}

export interface PullOptions {
  dtype?: Dtype;
  onProgress?: (event: PullProgress) => void;
  /**
   * Install files for which neither the catalogue, nor the mirror's declaration, nor an earlier
   * pull gives a digest, as the mirror serves them (each still capped at a stated size); their
   * sha256 is recorded then.
   */
  allowUnverified?: boolean;
}

/** One installed full-tier model, as `GET /` and `hello` report it. */
export interface InstalledModel {
  id: string;
  task: CatalogueEntry['task'];
  tier: 'full';
  revision: string;
  dtypes: Dtype[];
  sizeBytes: number;
}

export interface ModelStore {
  readonly catalogue: Catalogue;
  pullModel(id: string, options?: PullOptions): Promise<InstalledModel>;
  /** Deletes every downloaded file of `id`; false when there was nothing to delete. */
  removeModel(id: string): Promise<boolean>;
  /** Re-hashes installed files of `id`, or of every installed model. */
  verifyModels(id?: string): Promise<VerifyReport[]>;
  resolveModelFiles(id: string, dtype?: Dtype): Promise<ResolvedModel>;
  listInstalled(): Promise<InstalledModel[]>;
  inspectModel(id: string): Promise<InstalledState>;
}

interface InFlight {
  dtype: Dtype;
  listeners: Set<(event: PullProgress) => void>;
  done: Promise<InstalledModel>;
}

function hubEntry(catalogue: Catalogue, id: string): HubEntry {
  const entry = findCatalogueEntry(catalogue, id);
  if (entry.source.kind !== 'huggingface') {
    throw new LoupeError(
      'bad-input',
      `${id} is a lite model that ships with Loupe: there is nothing to pull, remove or verify in the model cache.`,
    );
  }
  return entry as HubEntry;
}

function hubEntries(catalogue: Catalogue): HubEntry[] {
  return catalogue.models.filter((m): m is HubEntry => m.source.kind === 'huggingface');
}

function toInstalled(entry: HubEntry, state: InstalledState): InstalledModel {
  return { id: entry.id, task: entry.task, tier: 'full', revision: state.revision, dtypes: state.dtypes, sizeBytes: state.sizeBytes };
}

/**
 * The model store: full-tier models under `<cacheDir>/models/<repo>/<revision>/<file>`, pulled
 * from `<mirror>/<repo>/resolve/<revision>/<file>` with resume, each file checked against the
 * catalogue's sha256 or, where it has none, the digest the mirror declares. Pulls of the same
 * model in this process share one download; other processes are kept out by a lock file.
 */
export function createModelStore(options: ModelStoreOptions): ModelStore {
  const catalogue = options.catalogue ?? loadCatalogue();
  const memo = createDigestMemo();
  const ctx: PullContext = {
    cacheDir: options.cacheDir,
    mirror: options.mirror,
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    clock: options.clock ?? systemClock,
    logger: options.logger ?? createLogger('info'),
    retries: options.retries ?? 3,
    retryDelayMs: options.retryDelayMs ?? 1000,
    memo,
    allowUnverified: options.allowUnverified ?? false,
  };
  const inFlight = new Map<string, InFlight>();

  async function runPull(
    entry: HubEntry,
    dtype: Dtype,
    listeners: InFlight['listeners'],
    allowUnverified: boolean,
  ): Promise<InstalledModel> {
    const emit = (event: PullProgress) => {
      for (const listener of listeners) listener(event);
    };
    const release = await acquirePullLock(lockPath(ctx.cacheDir, entry.source.repo), entry.id, ctx.clock.now);
    try {
      await pullModelFiles({ ...ctx, allowUnverified: allowUnverified || ctx.allowUnverified }, entry, dtype, emit);
    } finally {
      await release();
    }
    return toInstalled(entry, await inspectInstalled(ctx.cacheDir, entry));
  }

  async function pullModel(id: string, pull: PullOptions = {}): Promise<InstalledModel> {
    const entry = hubEntry(catalogue, id);
    const dtype = pull.dtype ?? entry.defaultDtype;
    const running = inFlight.get(id);
    if (running && running.dtype === dtype) {
      if (pull.onProgress) running.listeners.add(pull.onProgress);
      return running.done;
    }
    // Another dtype of the same repository: wait for it, since both would write the manifest.
    if (running) await running.done.catch(() => undefined);
    const listeners = new Set(pull.onProgress ? [pull.onProgress] : []);
    const done = runPull(entry, dtype, listeners, pull.allowUnverified ?? false).finally(() => inFlight.delete(id));
    inFlight.set(id, { dtype, listeners, done });
    return done;
  }

  async function removeModel(id: string): Promise<boolean> {
    const entry = hubEntry(catalogue, id);
    if (inFlight.has(id)) throw new LoupeError('overloaded', `Model ${id} is being pulled; remove it once the pull has finished.`);
    return removeInstalled(ctx.cacheDir, memo, entry, ctx.clock.now);
  }

  async function verifyModels(id?: string): Promise<VerifyReport[]> {
    const entries = id ? [hubEntry(catalogue, id)] : hubEntries(catalogue);
    const reports: VerifyReport[] = [];
    for (const entry of entries) {
      const report = await verifyInstalled(ctx.cacheDir, memo, entry);
      if (report) reports.push(report);
      else if (id) throw new LoupeError('model-missing', `Model ${id} is not installed — run \`loupe models pull ${id}\``);
    }
    return reports;
  }

  async function listInstalled(): Promise<InstalledModel[]> {
    const installed: InstalledModel[] = [];
    for (const entry of hubEntries(catalogue)) {
      const state = await inspectInstalled(ctx.cacheDir, entry);
      if (state.state === 'installed') installed.push(toInstalled(entry, state));
    }
    return installed;
  }

  return {
    catalogue,
    pullModel,
    removeModel,
    verifyModels,
    resolveModelFiles: (id, dtype) => resolveInstalled(ctx.cacheDir, memo, hubEntry(catalogue, id), dtype),
    listInstalled,
    inspectModel: (id) => inspectInstalled(ctx.cacheDir, hubEntry(catalogue, id)),
  };
}
