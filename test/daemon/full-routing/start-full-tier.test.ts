import { describe, expect, it } from 'vitest';
import type { DeviceProbe } from '../../../daemon/full/choose-device';
import { createInstalledModels } from '../../../daemon/full-routing/installed-models';
import { describeWithFullTier, startFullTier } from '../../../daemon/full-routing/start-full-tier';
import { createMemoryLogger } from '../../../daemon/logger';
import type { InstalledModel, ModelStore } from '../../../daemon/model-store/model-store';
import type { EngineInfo } from '../../../shared/protocol/messages';

const NER: InstalledModel = { id: 'Xenova/bert-base-NER', task: 'entities', tier: 'full', revision: 'main', dtypes: ['q8'], sizeBytes: 10 };
const store = (list: () => Promise<InstalledModel[]>) => ({ listInstalled: list }) as unknown as ModelStore;
const noGpu: DeviceProbe = { cudaProviderInstalled: () => false, trySession: async () => ({ ok: false, reason: 'No supported adapters' }) };
const settings = { cacheDir: '/nonexistent', modelMirror: 'http://127.0.0.1:1' };

describe('startFullTier', () => {
  it('auto without a GPU: CPU, logged with the reason, and the installed models listed', async () => {
    const logger = createMemoryLogger();
    const tier = await startFullTier({ settings: { ...settings, device: 'auto' }, logger, probe: noGpu, store: store(async () => [NER]) });
    expect(tier.device).toEqual({
      backend: 'cpu',
      reason: 'auto: the CUDA execution provider is not installed; WebGPU unavailable (No supported adapters)',
    });
    expect(logger.lines).toContain(`[loupe] execution provider: cpu (${tier.device.reason})`);
    expect(tier.installed.forEngineInfo()).toEqual([{ id: NER.id, task: 'entities', tier: 'full' }]);
    await tier.close();
  });

  it('LOUPE_DEVICE=cuda without the CUDA provider refuses to start, naming the install command', async () => {
    const start = startFullTier({
      settings: { ...settings, device: 'cuda' },
      logger: createMemoryLogger(),
      probe: noGpu,
      store: store(async () => []),
    });
    await expect(start).rejects.toThrow(/ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules\/onnxruntime-node\/script\/install/);
  });
});

describe('describeWithFullTier', () => {
  it("reports the full tier's device first and lists full models beside the lite ones", () => {
    const base: EngineInfo = {
      name: 'loupe',
      version: '0',
      protocol: 1,
      device: { backend: 'cpu', reason: 'lite pipelines run on the CPU' },
      models: [{ id: 'lite/entities', task: 'entities', tier: 'lite' }],
    };
    const installed = createInstalledModels(
      store(async () => []),
      createMemoryLogger(),
    );
    installed.forEngineInfo = () => [{ id: NER.id, task: 'entities', tier: 'full' }];
    const info = describeWithFullTier(base, { device: { backend: 'cuda', reason: 'LOUPE_DEVICE=cuda' }, installed });
    expect(info.device).toEqual({ backend: 'cuda', reason: 'full tier: LOUPE_DEVICE=cuda; lite pipelines run on the CPU' });
    expect(info.models.map((m) => `${m.tier}:${m.id}`)).toEqual(['lite:lite/entities', `full:${NER.id}`]);
  });
});

describe('createInstalledModels', () => {
  it('an unreadable cache counts as nothing installed, with a warning', async () => {
    const logger = createMemoryLogger();
    const installed = createInstalledModels(
      store(async () => {
        throw new Error('EACCES: permission denied');
      }),
      logger,
    );
    expect(await installed.refresh()).toEqual([]);
    expect(installed.forEngineInfo()).toEqual([]);
    expect(logger.lines.some((l) => l.includes('could not list installed models: EACCES'))).toBe(true);
  });
});
