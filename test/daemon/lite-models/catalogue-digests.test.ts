import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LITE_MODELS_DIR } from '../../../daemon/lite-models/load-lite-models';
import { hashFile } from '../../../daemon/model-store/hash-file';
import { loadCatalogue } from '../../../daemon/model-store/load-catalogue';

describe('the lite models committed in models/lite', () => {
  const bundled = loadCatalogue().models.filter((m) => m.source.kind === 'bundled');

  it('are the entity tagger and the bias classifier', () => {
    expect(bundled.map((m) => m.id).sort()).toEqual(['lite/bias', 'lite/entities']);
  });

  for (const entry of bundled) {
    it(`match the size and sha256 that models/catalogue.json records for ${entry.id}`, async () => {
      const name = entry.id.replace(/^lite\//, '');
      for (const file of entry.files) {
        const actual = await hashFile(path.join(DEFAULT_LITE_MODELS_DIR, name, file.path));
        const fix =
          `models/lite/${name}/${file.path} is ${actual.size} bytes, sha256 ${actual.sha256}, but the catalogue records ` +
          `${file.size} bytes, sha256 ${file.sha256}. After \`npm run train -- ${name}\`, put the new size and sha256 in ` +
          `the "${entry.id}" entry of models/catalogue.json; otherwise restore the file with \`git checkout models/lite/${name}\`.`;
        expect({ size: file.size, sha256: file.sha256 }, fix).toEqual(actual);
      }
    });
  }
});
