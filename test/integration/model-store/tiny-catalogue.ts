import { createHash, randomBytes } from 'node:crypto';
import { CatalogueSchema, type Catalogue } from '../../../shared/models/catalogue-schema';

export const TINY_ID = 'test/tiny-summarizer';
export const TINY_REVISION = '0123456789abcdef0123456789abcdef01234567';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Small stand-ins for a model's files: a config and two weight variants (q8 big enough for many chunks). */
export function tinyFiles(): Record<string, Buffer> {
  return {
    'config.json': Buffer.from(JSON.stringify({ model_type: 'bart' })),
    'onnx/model.onnx': randomBytes(90_000),
    'onnx/model_quantized.onnx': randomBytes(300_000),
  };
}

export function hubPath(file: string, id = TINY_ID, revision = TINY_REVISION): string {
  return `/${id}/resolve/${revision}/${file}`;
}

export function hubFiles(files: Record<string, Buffer>): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(files).map(([file, bytes]) => [hubPath(file), bytes]));
}

export interface FileRecord {
  sha256?: string;
  size?: number;
}

/** The size and sha256 of every file, as the catalogue records them for a real model. */
export function recordsOf(files: Record<string, Buffer>): Record<string, FileRecord> {
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, { sha256: sha256(bytes), size: bytes.length }]));
}

/** A catalogue with the tiny model (size and digest optional per file) and one lite entry. */
export function tinyCatalogue(records: Record<string, FileRecord> = {}): Catalogue {
  const file = (path: string, dtype?: 'fp32' | 'q8') => ({ path, ...(dtype ? { dtype } : {}), ...records[path] });
  return CatalogueSchema.parse({
    version: 1,
    models: [
      {
        id: TINY_ID,
        task: 'summary',
        tier: 'full',
        runsOn: 'daemon',
        licence: 'Apache-2.0',
        why: 'test stand-in',
        source: { kind: 'huggingface', repo: TINY_ID, revision: TINY_REVISION },
        defaultDtype: 'q8',
        files: [file('config.json'), file('onnx/model.onnx', 'fp32'), file('onnx/model_quantized.onnx', 'q8')],
      },
      {
        id: 'lite/entities',
        task: 'entities',
        tier: 'lite',
        runsOn: 'both',
        licence: 'NOASSERTION',
        why: 'test stand-in',
        source: { kind: 'bundled', dir: 'models/lite/entities' },
        defaultDtype: 'fp32',
        files: [{ path: 'model.onnx', dtype: 'fp32' }],
      },
    ],
  });
}
