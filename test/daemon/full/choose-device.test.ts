import { describe, expect, it } from 'vitest';
import { chooseDevice, createOnnxDeviceProbe, CUDA_MISSING, type DeviceProbe } from '../../../daemon/full/choose-device';

function probe(has: { cudaLib?: boolean; cuda?: boolean; webgpu?: boolean }): DeviceProbe {
  return {
    cudaProviderInstalled: () => has.cudaLib ?? false,
    trySession: async (device) => ((device === 'cuda' ? has.cuda : has.webgpu) ? { ok: true } : { ok: false, reason: `no ${device}` }),
  };
}

describe('chooseDevice', () => {
  it('prefers CUDA, then WebGPU, then CPU under auto, with q8 on CPU and fp16 on GPUs', async () => {
    expect(await chooseDevice({ requested: 'auto', probe: probe({ cudaLib: true, cuda: true, webgpu: true }) })).toMatchObject({
      device: 'cuda',
      dtype: 'fp16',
    });
    expect(await chooseDevice({ requested: 'auto', probe: probe({ webgpu: true }) })).toMatchObject({ device: 'webgpu', dtype: 'fp16' });
    const cpu = await chooseDevice({ requested: 'auto', probe: probe({ cudaLib: true, cuda: false }) });
    expect(cpu).toMatchObject({ device: 'cpu', dtype: 'q8' });
    expect(cpu.reason).toContain('no cuda');
  });

  it('fails with the fix when LOUPE_DEVICE asks for a provider that is not there', async () => {
    await expect(chooseDevice({ requested: 'cuda', probe: probe({ webgpu: true }) })).rejects.toThrow(CUDA_MISSING);
    await expect(chooseDevice({ requested: 'webgpu', probe: probe({}) })).rejects.toThrow(/LOUPE_DEVICE=webgpu .*set LOUPE_DEVICE=auto/);
  });

  it('with the real onnxruntime-node probe, picks a device it could open and says why', async () => {
    const real = createOnnxDeviceProbe();
    const choice = await chooseDevice({ requested: 'auto', probe: real });
    expect(['cpu', 'cuda', 'webgpu']).toContain(choice.device);
    if (real.cudaProviderInstalled()) return; // a GPU machine: the fake-probe tests cover the order
    // Without the CUDA provider (this project's default install), auto never picks CUDA and an
    // explicit LOUPE_DEVICE=cuda fails with the command that installs it.
    expect(choice.device).not.toBe('cuda');
    expect(choice.reason).toMatch(/CUDA execution provider is not installed/);
    await expect(chooseDevice({ requested: 'cuda', probe: real })).rejects.toThrow(CUDA_MISSING);
    expect(CUDA_MISSING).toContain('ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install');
  });
});
