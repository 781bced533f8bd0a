import type { CatalogueEntry, CatalogueFile } from '../../shared/models/catalogue-schema';
import type { PullProgress } from '../../shared/models/pull-progress';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { DigestMemo } from './digest-memo';
import type { FetchLike } from './download-file';

export interface PullContext {
  cacheDir: string;
  mirror: string;
  fetch: FetchLike;
  clock: Clock;
  logger: Logger;
  retries: number;
  retryDelayMs: number;
  memo: DigestMemo;
  /**
   * Accept files for which neither the catalogue, nor the mirror's declaration, nor an earlier
   * pull gives a digest (their sha256 is recorded then, and checked from then on). Off unless
   * the user asks for it.
   */
  allowUnverified: boolean;
}

export type HubEntry = CatalogueEntry & { source: Extract<CatalogueEntry['source'], { kind: 'huggingface' }> };

/** One file of one pull. */
export interface FileJob {
  ctx: PullContext;
  entry: HubEntry;
  dir: string;
  file: CatalogueFile;
  emit: (event: PullProgress) => void;
}
