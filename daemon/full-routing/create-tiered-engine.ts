import type { Analysis, Bias, Entities, ImageDescription, Provenance, Summary } from '../../shared/protocol/results';
import type { Logger } from '../logger';
import type { AnalyzeFn, DescribeImageFn, DescribeImageInput } from '../server/server-deps';
import { fullFailedNote, isCancellation, notInstalledNote } from './fallback-notes';
import { flagBiasWithNli } from './flag-bias-with-nli';
import { summarizeWithFullModel, tagEntitiesWithFullModel } from './full-text-tasks';
import type { FullTask, FullTier } from './start-full-tier';

export interface TieredEngine {
  analyze: AnalyzeFn;
  describeImage: DescribeImageFn;
}

type Section = { provenance: Provenance };

function withNote<T extends Section>(section: T, note: string): T {
  const joined = [section.provenance.note, note].filter(Boolean).join('; ');
  return { ...section, provenance: { ...section.provenance, note: joined } };
}

/**
 * Serves requests for the full tier with the full engine, task by task, wherever that task's
 * catalogue model is installed; everything else, and every full-tier failure, is the lite
 * result with a provenance note saying why (never a dead request). Lite requests go to lite.
 */
export function createTieredEngine({ lite, full, logger }: { lite: TieredEngine; full: FullTier; logger: Logger }): TieredEngine {
  /** The full result of `task`, or `fallback` with a note when its model is absent or fails. */
  async function upgrade<T extends Section>(task: FullTask, fallback: T, signal: AbortSignal, installed: ReadonlySet<string>, run: () => Promise<T>): Promise<T> {
    const id = full.modelFor(task);
    if (!installed.has(id)) return withNote(fallback, notInstalledNote(id));
    try {
      return await run();
    } catch (error) {
      if (isCancellation(error, signal)) throw error;
      logger.warn(`full-tier ${task} failed, serving lite: ${error instanceof Error ? error.message : String(error)}`);
      return withNote(fallback, fullFailedNote(id, error));
    }
  }

  const installedIds = async () => new Set((await full.installed.refresh()).map((m) => m.id));

  return {
    async analyze(params, { signal, onProgress }) {
      const base = await lite.analyze({ ...params, tier: 'lite' }, { signal, onProgress });
      if (params.tier !== 'full') return base;
      const { text } = base;
      // Read once per request: a model pulled or removed meanwhile counts from the next one.
      const installed = await installedIds();
      const [summary, entities, bias] = await Promise.all([
        base.summary && upgrade<Summary>('summary', base.summary, signal, installed, () => summarizeWithFullModel(full.engine, text, base.summary, { signal, onProgress })),
        base.entities && upgrade<Entities>('entities', base.entities, signal, installed, () => tagEntitiesWithFullModel(full.engine, text, base.entities)),
        base.bias && upgrade<Bias>('bias', base.bias, signal, installed, () => flagBiasWithNli(full.engine, text, base.bias as Bias, signal, onProgress, params.page)),
      ]);
      signal.throwIfAborted();
      const analysis: Analysis = { text, ...(base.page ? { page: base.page } : {}) };
      if (summary) analysis.summary = summary;
      if (entities) analysis.entities = entities;
      if (bias) analysis.bias = bias;
      return analysis;
    },
    async describeImage(input: DescribeImageInput, { signal }) {
      const base = await lite.describeImage({ ...input, tier: 'lite' }, { signal });
      if (input.tier !== 'full') return base;
      return upgrade<ImageDescription>('caption', base, signal, await installedIds(), async () => {
        const { caption, provenance } = await full.engine.caption(input.png);
        signal.throwIfAborted();
        const note = input.ocrUnavailable;
        return { ...base, ...(caption ? { caption } : {}), provenance: { ...provenance, ...(note ? { note } : {}) } };
      });
    },
  };
}
