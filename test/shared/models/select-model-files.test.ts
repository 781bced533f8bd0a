import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogueSchema } from '../../../shared/models/catalogue-schema';
import { availableDtypes, findCatalogueEntry, hubFileUrl, selectModelFiles } from '../../../shared/models/select-model-files';

const catalogue = CatalogueSchema.parse(JSON.parse(readFileSync(new URL('../../../models/catalogue.json', import.meta.url), 'utf8')));

describe('selectModelFiles', () => {
  it('takes the shared files and the default (q8) weights only', () => {
    const paths = selectModelFiles(findCatalogueEntry(catalogue, 'Xenova/distilbart-cnn-6-6')).map((f) => f.path);
    expect(paths).toEqual([
      'config.json',
      'generation_config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'onnx/encoder_model_quantized.onnx',
      'onnx/decoder_model_merged_quantized.onnx',
    ]);
  });

  it('names the variants a model has when asked for one it lacks', () => {
    const entry = findCatalogueEntry(catalogue, 'Xenova/distilbart-cnn-6-6');
    expect(availableDtypes(entry)).toEqual(['fp32', 'q8']);
    expect(() => selectModelFiles(entry, 'fp16')).toThrow('Model Xenova/distilbart-cnn-6-6 has no fp16 weights. Use one of: fp32, q8.');
  });
});

describe('findCatalogueEntry', () => {
  it('lists the known ids for an unknown one', () => {
    expect(() => findCatalogueEntry(catalogue, 'Xenova/bert-base-ner')).toThrow(
      /Unknown model "Xenova\/bert-base-ner"\. Known models: .*Xenova\/bert-base-NER/,
    );
  });
});

describe('hubFileUrl', () => {
  it('builds the Hugging Face resolve URL under any mirror', () => {
    expect(hubFileUrl('https://huggingface.co', 'Mozilla/distilvit', 'abc123', 'onnx/encoder_model.onnx')).toBe(
      'https://huggingface.co/Mozilla/distilvit/resolve/abc123/onnx/encoder_model.onnx',
    );
    expect(hubFileUrl('http://mirror.local/hf/', 'a/b', 'main', 'dir/with space.json')).toBe(
      'http://mirror.local/hf/a/b/resolve/main/dir/with%20space.json',
    );
  });
});
