import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createOrtNodeRunner } from '../../../../daemon/lite-models/ort-node-runner';
import { createLiteModelLoader, type LiteModelLoaderDeps } from '../../../../extension/engine/lite/create-lite-model-loader';
import type { TensorRunner } from '../../../../shared/lite/tensor-runner';
import { LoupeError } from '../../../../shared/protocol/errors';

const LITE = fileURLToPath(new URL('../../../../models/lite/', import.meta.url));
// The real committed models, on onnxruntime-node standing in for the offscreen runner.
const runner = createOrtNodeRunner({
  models: { 'lite/entities': `${LITE}entities/model.onnx`, 'lite/bias': `${LITE}bias/bias-classifier.onnx` },
  intraOpNumThreads: 1,
});
afterAll(() => runner.release());

/** The extension's bundled JSON files, read from the checkout by their path in the extension. */
function bundledFiles(overrides: Record<string, unknown> = {}) {
  const fetched: string[] = [];
  const fetchJson = async (path: string) => {
    fetched.push(path);
    if (path in overrides) {
      const value = overrides[path];
      if (value instanceof Error) throw value;
      return value;
    }
    return JSON.parse(readFileSync(`${LITE}${path.replace('/models/lite/', '')}`, 'utf8')) as unknown;
  };
  return { fetchJson, fetched };
}

function loader(deps: Partial<LiteModelLoaderDeps> & Pick<LiteModelLoaderDeps, 'fetchJson'>) {
  return createLiteModelLoader({ runner, hasWebAssembly: () => true, ...deps });
}

describe('createLiteModelLoader (trained lite models for the in-browser engine)', () => {
  it('loads the tagger and the classifier from the bundled configs, once', async () => {
    const files = bundledFiles();
    const models = loader({ fetchJson: files.fetchJson });
    const loaded = await models.load();
    expect(loaded.entities?.id).toBe('lite/entities@2');
    expect(loaded.bias?.id).toBe('lite/bias@2');
    expect(loaded.unavailable).toEqual({});
    expect(files.fetched.sort()).toEqual(['/models/lite/bias/classifier-config.json', '/models/lite/entities/tagger-config.json']);
    const text = 'Mayor Elena Marsh visited Northfield University.';
    const entities = await loaded.entities!.tag(text, [{ start: 0, end: text.length, text }]);
    expect(entities.map((e) => e.source)).toContain('model');
    await models.load();
    expect(files.fetched).toHaveLength(2);
  });

  it('reports the backend the runner used last, not the one it had when the model was built', async () => {
    let backend = 'wasm';
    const switching: TensorRunner = {
      get backend() {
        return backend;
      },
      run: (id, feeds) => runner.run(id, feeds),
    };
    const loaded = await loader({ runner: switching, fetchJson: bundledFiles().fetchJson }).load();
    backend = 'webgpu';
    expect(loaded.entities?.backend).toBe('webgpu');
  });

  it('leaves out a model whose file is missing, names the fix, and keeps the other', async () => {
    const missing = new LoupeError(
      'model-missing',
      'The model file chrome-extension://x/models/lite/entities/tagger-config.json is missing from the extension: reinstall or rebuild the extension (npm run build).',
    );
    const files = bundledFiles({ '/models/lite/entities/tagger-config.json': missing });
    const models = loader({ fetchJson: files.fetchJson });
    const loaded = await models.load();
    expect(loaded.entities).toBeUndefined();
    expect(loaded.bias?.id).toBe('lite/bias@2');
    expect(loaded.unavailable.entities).toMatch(/entity tagger lite\/entities not loaded .*capitalisation heuristics/);
    expect(loaded.unavailable.entities).toContain('npm run build');
    await models.load();
    expect(files.fetched).toHaveLength(2); // a missing file stays missing until the extension is reinstalled
  });

  it('refuses a config that fails its schema, naming the file and the fix', async () => {
    const files = bundledFiles({ '/models/lite/bias/classifier-config.json': { modelId: 'lite/bias@2', threshold: 7 } });
    const loaded = await loader({ fetchJson: files.fetchJson }).load();
    expect(loaded.bias).toBeUndefined();
    expect(loaded.unavailable.bias).toMatch(/bias classifier config is invalid .*threshold/);
    expect(loaded.unavailable.bias).toContain('npm run build');
    expect(loaded.entities?.id).toBe('lite/entities@2');
  });

  it('leaves out a model whose network cannot run (its .onnx is missing from the extension)', async () => {
    const noBiasFile: TensorRunner = {
      backend: 'wasm',
      run: async (id, feeds) => {
        if (!id.startsWith('lite/bias')) return runner.run(id, feeds);
        throw new LoupeError(
          'model-missing',
          'The model file chrome-extension://x/models/lite/bias/bias-classifier.onnx is missing from the extension: reinstall or rebuild the extension (npm run build).',
        );
      },
    };
    const loaded = await loader({ runner: noBiasFile, fetchJson: bundledFiles().fetchJson }).load();
    expect(loaded.bias).toBeUndefined();
    expect(loaded.unavailable.bias).toContain('bias-classifier.onnx is missing');
    expect(loaded.entities).toBeDefined();
  });

  it('tries again on the next load after a failure that may pass (the engine host was restarting)', async () => {
    let calls = 0;
    const flaky: TensorRunner = {
      backend: 'wasm',
      run: async (id, feeds) => {
        calls += 1;
        if (calls <= 2) throw new Error('Could not establish connection. Receiving end does not exist.');
        return runner.run(id, feeds);
      },
    };
    const models = loader({ runner: flaky, fetchJson: bundledFiles().fetchJson });
    const first = await models.load();
    expect(first.unavailable.entities).toContain('Receiving end does not exist');
    expect(first.unavailable.entities).toContain('if this persists, reinstall or rebuild the extension (npm run build)');
    const second = await models.load();
    expect(second.unavailable).toEqual({});
    expect(second.entities?.id).toBe('lite/entities@2');
  });

  it('without WebAssembly, loads nothing and says how to get the models back', async () => {
    const files = bundledFiles();
    const loaded = await loader({ hasWebAssembly: () => false, fetchJson: files.fetchJson }).load();
    expect(loaded.entities).toBeUndefined();
    expect(loaded.bias).toBeUndefined();
    expect(loaded.unavailable.entities).toMatch(
      /WebAssembly is turned off .*allow WebAssembly, or route entities to the daemon in Options/,
    );
    expect(loaded.unavailable.bias).toContain('cue-lexicon rules');
    expect(files.fetched).toEqual([]);
  });
});
