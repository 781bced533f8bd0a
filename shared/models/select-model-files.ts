import { UNRECORDED_MODEL_FILE_LIMITS } from '../limits';
import { LoupeError } from '../protocol/errors';
import type { Catalogue, CatalogueEntry, CatalogueFile, Dtype } from './catalogue-schema';

/** The entry with `id`; throws `bad-input` naming the known ids (typos are the usual cause). */
export function findCatalogueEntry(catalogue: Catalogue, id: string): CatalogueEntry {
  const entry = catalogue.models.find((m) => m.id === id);
  if (entry) return entry;
  const known = catalogue.models.map((m) => m.id).join(', ');
  throw new LoupeError('bad-input', `Unknown model "${id}". Known models: ${known}. See \`loupe models list\`.`);
}

/** The weight variants an entry offers, in catalogue order. */
export function availableDtypes(entry: CatalogueEntry): Dtype[] {
  const dtypes: Dtype[] = [];
  for (const file of entry.files) if (file.dtype && !dtypes.includes(file.dtype)) dtypes.push(file.dtype);
  return dtypes;
}

/**
 * The files needed to run `entry` with `dtype` (its default when omitted): every file without a
 * dtype plus the weights of that variant. Throws `bad-input` naming the variants it has.
 */
export function selectModelFiles(entry: CatalogueEntry, dtype: Dtype = entry.defaultDtype): CatalogueFile[] {
  const dtypes = availableDtypes(entry);
  if (!dtypes.includes(dtype)) {
    throw new LoupeError('bad-input', `Model ${entry.id} has no ${dtype} weights. Use one of: ${dtypes.join(', ')}.`);
  }
  return entry.files.filter((f) => f.dtype === undefined || f.dtype === dtype);
}

/**
 * The download URL of one file in the Hugging Face layout, `<mirror>/<repo>/resolve/<revision>/<path>`.
 * `mirror` is `LOUPE_MODEL_MIRROR` (https://huggingface.co by default).
 */
export function hubFileUrl(mirror: string, repo: string, revision: string, path: string): string {
  const base = mirror.replace(/\/+$/, '');
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${base}/${repo}/resolve/${encodeURIComponent(revision)}/${encoded}`;
}

/**
 * The most bytes a download of `file` may bring: its recorded size, or for a file the catalogue
 * has no size for, the limit of {@link UNRECORDED_MODEL_FILE_LIMITS} for its kind (weights or
 * text). A download is stopped, and discarded, beyond it.
 */
export function maxFileBytes(file: CatalogueFile): number {
  if (file.size !== undefined) return file.size;
  const weights = file.dtype !== undefined || /\.(onnx|onnx_data|bin|safetensors)$/.test(file.path);
  return weights ? UNRECORDED_MODEL_FILE_LIMITS.weights : UNRECORDED_MODEL_FILE_LIMITS.text;
}

/**
 * What a download of `entry` with `dtype` costs before it starts: the bytes of the files whose
 * size the catalogue records, and the files whose size it does not (0 when `bytes` is exact).
 */
export function downloadSize(entry: CatalogueEntry, dtype: Dtype = entry.defaultDtype): { bytes: number; unknownSizes: number } {
  const files = selectModelFiles(entry, dtype);
  return {
    bytes: files.reduce((sum, f) => sum + (f.size ?? 0), 0),
    unknownSizes: files.filter((f) => f.size === undefined).length,
  };
}
