import { describe, expect, it } from 'vitest';
import { bundledModelPath } from '../../../extension/engine/bundled-model-url';

describe('bundledModelPath (where the build puts each lite model)', () => {
  it('follows the catalogue, with or without a version in the id', () => {
    expect(bundledModelPath('lite/bias@1')).toBe('/models/lite/bias/bias-classifier.onnx');
    expect(bundledModelPath('lite/entities')).toBe('/models/lite/entities/model.onnx');
  });

  it('maps an id the catalogue lacks to <name>/model.onnx (reported as missing when loaded)', () => {
    expect(bundledModelPath('lite/keyphrases@2')).toBe('/models/lite/keyphrases/model.onnx');
  });
});
