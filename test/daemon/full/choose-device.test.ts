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
    expect(await chooseDevice({ requested: 'auto', probe: probe({ cudaLib: true, cuda: true, webgpu: true }) })).toMatchObject({ device: 'cuda', dtype: 'fp16' });
    expect(await chooseDevice({ requested: 'auto', probe: probe({ webgpu: true }) })).toMatchObject({ device: 'webgpu', dtype: 'fp16' });
    const cpu = await chooseDevice({ requested: 'auto', probe: probe({ cudaLib: true, cuda: false }) });
    expect(cpu).toMatchObject({ device: 'cpu', dtype: 'q8' });
    expect(cpu.reason).toContain('no cuda');
  });

  it('fails with the fix when LOUPE_DEVICE asks for a provider that is not there', async () => {
    await expect(chooseDevice({ requested: 'cuda', probe: probe({ webgpu: true }) })).rejects.toThrow(CUDA_MISSING);
    await expect(chooseDevice({ requested: 'webgpu', probe: probe({}) })).rejects.toThrow(/LOUPE_DEVICE=webgpu .*set LOUPE_DEVICE=auto/);
  });

  it('on this machine (no GPU, no CUDA provider) picks the CPU and says why', async () => {
    const real = createOnnxDeviceProbe();
    const choice = await chooseDevice({ requested: 'auto', probe: real });
    expect(choice.device).toBe('cpu');
    expect(choice.reason).toMatch(/CUDA execution provider is not installed.*WebGPU unavailable/);
    await expect(chooseDevice({ requested: 'cuda', probe: real })).rejects.toThrow(
      'LOUPE_DEVICE=cuda but the CUDA execution provider is not installed — reinstall with ONNXRUNTIME_NODE_INSTALL=cuda12 npm install, or set LOUPE_DEVICE=auto',
    );
  });
});
