import catalogueJson from '../../../models/catalogue.json';
import { CatalogueSchema, type CatalogueEntry, type CatalogueFile, type Dtype } from '../../../shared/models/catalogue-schema';
import { availableDtypes, selectModelFiles } from '../../../shared/models/select-model-files';

/** The catalogue's full-tier (Hugging Face) models, validated once. */
export function fullTierModels(json: unknown = catalogueJson): CatalogueEntry[] {
  return CatalogueSchema.parse(json).models.filter((m) => m.tier === 'full' && m.source.kind === 'huggingface');
}

/** Whether Options offers the model for the browser; `daemon`-only ones are listed as such. */
export function runsInBrowser(entry: CatalogueEntry): boolean {
  return entry.runsOn === 'browser' || entry.runsOn === 'both';
}

/**
 * The weights to download for this browser: on WebGPU the half-precision export where the
 * catalogue has one (q4f16 beats fp16 for size), unless the adapter lacks `shader-f16`; on
 * WebAssembly the catalogue's default (q8 for every full model).
 */
export function chooseDownloadDtype(entry: CatalogueEntry, backend: 'webgpu' | 'wasm', shaderF16 = true): Dtype {
  const offered = availableDtypes(entry);
  if (backend === 'webgpu' && shaderF16) {
    const half = (['q4f16', 'fp16'] as const).find((d) => offered.includes(d));
    if (half) return half;
  }
  return entry.defaultDtype;
}

export interface DownloadPlan {
  dtype: Dtype;
  files: CatalogueFile[];
  /** Sum of the sizes the catalogue records; undefined when any file's size is unknown. */
  bytes: number | undefined;
  /** Files whose size the catalogue does not record. */
  unknownSizes: number;
}

export function downloadPlan(entry: CatalogueEntry, dtype: Dtype): DownloadPlan {
  const files = selectModelFiles(entry, dtype);
  const unknownSizes = files.filter((f) => f.size === undefined).length;
  const bytes = unknownSizes ? undefined : files.reduce((sum, f) => sum + (f.size ?? 0), 0);
  return { dtype, files, bytes, unknownSizes };
}

/** "109.4 MB", "812 kB", "37 B": decimal units, as download sizes are usually given. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** What Options shows before a download. */
export function describePlanSize(plan: DownloadPlan): string {
  return plan.bytes === undefined ? 'size unknown' : formatBytes(plan.bytes);
}
