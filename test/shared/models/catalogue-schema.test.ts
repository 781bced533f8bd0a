import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogueEntrySchema, CatalogueSchema, CommitShaSchema } from '../../../shared/models/catalogue-schema';

const raw = JSON.parse(readFileSync(new URL('../../../models/catalogue.json', import.meta.url), 'utf8'));
const catalogue = CatalogueSchema.parse(raw);
const distilbart = raw.models.find((m: { id: string }) => m.id === 'Xenova/distilbart-cnn-6-6');

describe('models/catalogue.json', () => {
  it('validates, with every id unique', () => {
    const ids = catalogue.models.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a model for every task in the full tier and the lite entries the extension ships', () => {
    const ids = catalogue.models.map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'Xenova/distilbart-cnn-6-6',
        'Xenova/bert-base-NER',
        'Mozilla/distilvit',
        'lite/entities',
        'lite/bias',
        'lite/ocr',
      ]),
    );
    const fullTasks = new Set(catalogue.models.filter((m) => m.tier === 'full').map((m) => m.task));
    expect([...fullTasks].sort()).toEqual(['bias', 'caption', 'entities', 'summary']);
  });

  it('pins each Hub repository to a commit', () => {
    for (const model of catalogue.models) {
      if (model.source.kind !== 'huggingface') continue;
      expect(CommitShaSchema.safeParse(model.source.revision).success, model.id).toBe(true);
    }
  });

  it('gives every full model a published figure with its source', () => {
    for (const model of catalogue.models.filter((m) => m.tier === 'full')) {
      expect(model.publishedFigures.length, model.id).toBeGreaterThan(0);
    }
  });
});

describe('CatalogueSchema', () => {
  it('rejects a catalogue that lists an id twice', () => {
    const result = CatalogueSchema.safeParse({ ...raw, models: [...raw.models, distilbart] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('id Xenova/distilbart-cnn-6-6 appears twice');
  });

  it('rejects file paths that could leave the model folder', () => {
    const escaping = { ...distilbart, files: [...distilbart.files, { path: '../../.ssh/id_rsa' }] };
    expect(CatalogueEntrySchema.safeParse(escaping).success).toBe(false);
  });

  it('rejects a branch revision (even with a note), and a default dtype with no weights', () => {
    expect(
      CatalogueEntrySchema.safeParse({
        ...distilbart,
        source: { kind: 'huggingface', repo: 'a/b', revision: 'main', revisionNote: 'for now' },
      }).success,
    ).toBe(false);
    expect(CatalogueEntrySchema.safeParse({ ...distilbart, defaultDtype: 'q4' }).success).toBe(false);
  });

  it('rejects a malformed sha256', () => {
    const files = [{ path: 'config.json', sha256: 'ABC' }, ...distilbart.files.slice(1)];
    expect(CatalogueEntrySchema.safeParse({ ...distilbart, files }).success).toBe(false);
  });
});
