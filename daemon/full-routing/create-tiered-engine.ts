import { analyzeWithFull, describeWithFull, type FullUpgrade } from '../../shared/full/upgrade-with-full';
import { notInstalledNote } from '../../shared/models/not-installed-note';
import type { Logger } from '../logger';
import type { AnalyzeFn, DescribeImageFn, DescribeImageInput } from '../server/server-deps';
import type { FullTier } from './start-full-tier';

export interface TieredEngine {
  analyze: AnalyzeFn;
  describeImage: DescribeImageFn;
}

/**
 * Serves requests for the full tier with the full engine, task by task, wherever that task's
 * catalogue model is installed; everything else, and every full-tier failure, is the lite
 * result with a provenance note saying why (never a dead request). Lite requests go to lite.
 * The upgrade policy is the browser's too (shared/full/upgrade-with-full).
 */
export function createTieredEngine({ lite, full, logger }: { lite: TieredEngine; full: FullTier; logger: Logger }): TieredEngine {
  // Read once per request: a model pulled or removed meanwhile counts from the next one.
  const upgradeFor = async (
    signal: AbortSignal,
    onProgress?: FullUpgrade['onProgress'],
    page?: FullUpgrade['page'],
  ): Promise<FullUpgrade> => ({
    tasks: full.engine,
    modelIds: full.modelIds,
    installed: new Set((await full.installed.refresh()).map((m) => m.id)),
    signal,
    ...(onProgress ? { onProgress } : {}),
    ...(page ? { page } : {}),
    notInstalledNote,
    onFailure: (task, error) =>
      logger.warn(`full-tier ${task} failed, serving lite: ${error instanceof Error ? error.message : String(error)}`),
  });

  return {
    async analyze(params, { signal, onProgress }) {
      const base = await lite.analyze({ ...params, tier: 'lite' }, { signal, onProgress });
      if (params.tier !== 'full') return base;
      return analyzeWithFull(base, params.text, await upgradeFor(signal, onProgress, params.page));
    },
    async describeImage(input: DescribeImageInput, { signal }) {
      const base = await lite.describeImage({ ...input, tier: 'lite' }, { signal });
      if (input.tier !== 'full') return base;
      return describeWithFull(base, { bytes: input.png }, await upgradeFor(signal), input.ocrUnavailable);
    },
  };
}
