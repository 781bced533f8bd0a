import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SettingsError } from '../settings';
import { defaultDtype, type FullDevice, type FullDtype } from './full-types';

export type RequestedDevice = 'auto' | FullDevice;
export type ProbeResult = { ok: true } | { ok: false; reason: string };

export interface DeviceProbe {
  /** Whether onnxruntime-node's CUDA provider library is on disk (it is not bundled by default). */
  cudaProviderInstalled(): boolean;
  /** Opens a one-node session on `device`'s execution provider. */
  trySession(device: 'cuda' | 'webgpu'): Promise<ProbeResult>;
}

export interface DeviceChoice {
  device: FullDevice;
  dtype: FullDtype;
  reason: string;
}

export const CUDA_MISSING =
  'LOUPE_DEVICE=cuda but the CUDA execution provider is not installed — fetch it with `ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install` (CUDA 12; see the README), or set LOUPE_DEVICE=auto';

async function probeCuda(probe: DeviceProbe): Promise<ProbeResult> {
  if (!probe.cudaProviderInstalled()) return { ok: false, reason: 'the CUDA execution provider is not installed' };
  return probe.trySession('cuda');
}

function choice(device: FullDevice, reason: string): DeviceChoice {
  return { device, dtype: defaultDtype(device), reason };
}

/**
 * Where full-tier models run. `auto`: CUDA when its provider is installed and opens a session,
 * else WebGPU when onnxruntime-node's bundled provider finds an adapter, else CPU, with the
 * reason. An explicit LOUPE_DEVICE that cannot work fails loudly rather than running slower.
 */
export async function chooseDevice({ requested, probe }: { requested: RequestedDevice; probe: DeviceProbe }): Promise<DeviceChoice> {
  if (requested === 'cpu') return choice('cpu', 'LOUPE_DEVICE=cpu');
  if (requested === 'cuda') {
    const cuda = await probeCuda(probe);
    if (cuda.ok) return choice('cuda', 'LOUPE_DEVICE=cuda');
    throw new SettingsError(
      probe.cudaProviderInstalled()
        ? `LOUPE_DEVICE=cuda but CUDA failed to start (${cuda.reason}) — check the NVIDIA driver and CUDA 12 libraries, or set LOUPE_DEVICE=auto`
        : CUDA_MISSING,
    );
  }
  if (requested === 'webgpu') {
    const webgpu = await probe.trySession('webgpu');
    if (webgpu.ok) return choice('webgpu', 'LOUPE_DEVICE=webgpu');
    throw new SettingsError(
      `LOUPE_DEVICE=webgpu but WebGPU is unavailable (${webgpu.reason}) — install the GPU's Vulkan driver, or set LOUPE_DEVICE=auto`,
    );
  }
  const cuda = await probeCuda(probe);
  if (cuda.ok) return choice('cuda', 'auto: the CUDA execution provider opened a session');
  const webgpu = await probe.trySession('webgpu');
  if (webgpu.ok) return choice('webgpu', `auto: ${cuda.reason}; WebGPU found an adapter`);
  return choice('cpu', `auto: ${cuda.reason}; WebGPU unavailable (${webgpu.reason})`);
}

// One Identity node on a float32[1]: the smallest graph every provider can run.
const PROBE_MODEL = 'CAg6OwoQCgF4EgF5IghJZGVudGl0eRIFcHJvYmVaDwoBeBIKCggIARIECgIIAWIPCgF5EgoKCAgBEgQKAggBQgQKABAR';

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const adapter = /Failed to get a WebGPU adapter[^\n]*/.exec(text)?.[0];
  return (adapter ?? text.split('\n')[0] ?? text).slice(0, 200);
}

/**
 * Opens the probe session in a child Node. onnxruntime-node's WebGPU provider (Dawn) writes
 * "Couldn't load Vulkan ... BackendVk.cpp" straight to the process's stderr when it looks for
 * an adapter on a machine without Vulkan; in a child, that text is captured and becomes part
 * of the reason the daemon logs, instead of noise in the user's terminal. A provider that
 * crashes outright takes the child down, not the daemon.
 */
function probeInChild(ortModule: string, device: 'cuda' | 'webgpu'): Promise<ProbeResult> {
  const script = `
    const ort = await import(${JSON.stringify(pathToFileURL(ortModule).href)}).then((m) => m.default ?? m);
    const [device, model] = process.argv.slice(1);
    try {
      const session = await ort.InferenceSession.create(Buffer.from(model, 'base64'), { executionProviders: [device] });
      const out = await session.run({ x: new ort.Tensor('float32', new Float32Array([1]), [1]) });
      await session.release();
      console.log(JSON.stringify(out.y ? { ok: true } : { ok: false, reason: device + ' session returned no output' }));
    } catch (error) {
      console.log(JSON.stringify({ ok: false, reason: String(error?.message ?? error) }));
    }`;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--input-type=module', '-e', script, device, PROBE_MODEL], { timeout: 60_000 }, (error, stdout, stderr) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      const vulkan = /Couldn't load Vulkan: ([^\n]*)/u.exec(stderr)?.[1];
      const aside = vulkan ? `; Vulkan not found (${vulkan.trim()})` : '';
      try {
        const result = JSON.parse(line) as ProbeResult;
        resolve(result.ok ? result : { ok: false, reason: firstLine(result.reason) + aside });
      } catch {
        resolve({ ok: false, reason: `the ${device} probe stopped (${firstLine(error ?? stderr)})${aside}` });
      }
    });
  });
}

/** The probe against the installed onnxruntime-node. */
export function createOnnxDeviceProbe(): DeviceProbe {
  const require = createRequire(import.meta.url);
  const bin = path.join(path.dirname(require.resolve('onnxruntime-node/package.json')), 'bin', 'napi-v6', process.platform, process.arch);
  return {
    cudaProviderInstalled: () => existsSync(path.join(bin, 'libonnxruntime_providers_cuda.so')),
    trySession: (device) => probeInChild(require.resolve('onnxruntime-node'), device),
  };
}
