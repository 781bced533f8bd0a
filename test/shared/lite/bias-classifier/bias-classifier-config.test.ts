import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBiasClassifierConfig } from '../../../../shared/lite/bias-classifier/bias-classifier-config';
import { readBiasConfig } from '../../../../models/training/bias/ort-bias-runner';
import { BIAS_MODEL_DIR } from '../../../../models/training/bias/bias-paths';

const committed: unknown = JSON.parse(readFileSync(join(BIAS_MODEL_DIR, 'classifier-config.json'), 'utf8'));

describe('parseBiasClassifierConfig', () => {
  it('accepts the committed config', () => {
    const parsed = parseBiasClassifierConfig(committed);
    expect(parsed.ok).toBe(true);
  });

  it('rejects a corrupt config, naming the bad fields and how to get a good file back', () => {
    const parsed = parseBiasClassifierConfig({ ...(committed as object), hashSize: 'big', threshold: 1.5 });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatch(/hashSize/);
    expect(parsed.error).toMatch(/threshold/);
    expect(parsed.error).toMatch(/npm run train -- bias/);
  });

  it('rejects unknown fields and impossible character n-gram ranges', () => {
    expect(parseBiasClassifierConfig({ ...(committed as object), extra: 1 }).ok).toBe(false);
    expect(parseBiasClassifierConfig({ ...(committed as object), charNgrams: { min: 5, max: 3 } }).ok).toBe(false);
  });

  it('says which file is missing when the model folder has no config', () => {
    expect(() => readBiasConfig('/nonexistent-loupe-dir')).toThrow(/classifier-config\.json.*restore it from git/);
  });
});
