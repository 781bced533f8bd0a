/**
 * Device check for a machine with an NVIDIA GPU: which execution providers onnxruntime-node
 * offers, whether its CUDA provider library is installed, which device chooseDevice picks
 * (LOUPE_DEVICE=auto) and why, then the synthetic-model benches on that device, then the
 * real-size benches on the CPU (q8) and on that device (fp32) side by side. Without the
 * CUDA provider it stops with the install command, unless `--cpu` asks for the CPU path.
 * Run: bash test/bench/gpu-check.sh [--cpu]
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { benchFullEngine, type BenchTask } from '../../daemon/full/bench-full-engine';
import { chooseDevice, createOnnxDeviceProbe } from '../../daemon/full/choose-device';
import { createFullEngine } from '../../daemon/full/full-engine';
import { createMemoryLogger } from '../../daemon/logger';
import { buildSyntheticModelsInTemp } from '../fixtures/synthetic-models/build-synthetic-models';
import { benchFullConcurrency, formatFullConcurrency } from './full-concurrency';
import { benchRealSize, type RealSizeResult } from './real-size/bench-real-size';

const INSTALL_CUDA =
  'install it with: ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install (CUDA 12 + cuDNN 9 libraries must be on the loader path)';
const allowCpu = process.argv.includes('--cpu');

function providerDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('onnxruntime-node/package.json')), 'bin', 'napi-v6', process.platform, process.arch);
}

async function reportProviders(): Promise<boolean> {
  const ort = (await import('onnxruntime-node')) as unknown as { listSupportedBackends?: () => { name: string; bundled: boolean }[] };
  console.log('onnxruntime-node listSupportedBackends:', JSON.stringify(ort.listSupportedBackends?.() ?? 'not available in this version'));
  const dir = providerDir();
  const libs = ['libonnxruntime_providers_cuda.so', 'libonnxruntime_providers_shared.so', 'libonnxruntime_providers_tensorrt.so'];
  for (const lib of libs) console.log(`  ${lib}: ${existsSync(path.join(dir, lib)) ? 'present' : 'absent'} (${dir})`);
  return existsSync(path.join(dir, libs[0]!));
}

async function benchEachTask(device: 'cpu' | 'cuda' | 'webgpu'): Promise<void> {
  const built = await buildSyntheticModelsInTemp();
  const engine = createFullEngine({
    resolveModel: async (id) => built.dirs[id] ?? id,
    device,
    logger: createMemoryLogger(),
    every: () => () => undefined,
  });
  const png = new Uint8Array(
    await sharp({ create: { width: 224, height: 224, channels: 3, background: { r: 230, g: 20, b: 20 } } })
      .png()
      .toBuffer(),
  );
  const tasks: BenchTask[] = [
    { task: 'entities', text: 'Angela Merkel met Kofi Annan in Paris.' },
    { task: 'summary', text: 'The harbor vote passed on Monday after a long night. The council said the plan was new.' },
    { task: 'caption', png },
    { task: 'bias', text: 'The radical scheme was disastrous.' },
  ];
  console.log(`\nsynthetic models, one call at a time on ${device} (overhead, not model speed):`);
  try {
    for (const input of tasks) {
      const r = await benchFullEngine(engine, input, 20);
      console.log(
        `  ${r.task.padEnd(8)} load ${r.loadMs.toFixed(0).padStart(6)} ms   ${r.msPerOp.toFixed(2).padStart(8)} ms/op (min ${r.minMs.toFixed(2)}, max ${r.maxMs.toFixed(2)})`,
      );
    }
  } finally {
    await engine.close();
    await rm(built.root, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const cudaInstalled = await reportProviders();
  const choice = await chooseDevice({ requested: 'auto', probe: createOnnxDeviceProbe() });
  console.log(`chooseDevice(auto): ${choice.device}, dtype ${choice.dtype} — ${choice.reason}`);
  if (!cudaInstalled && !allowCpu) {
    console.error(
      `\nFAIL: the CUDA execution provider of onnxruntime-node is not installed — ${INSTALL_CUDA}. Re-run with --cpu to check the CPU path only.`,
    );
    return 1;
  }
  if (cudaInstalled && choice.device !== 'cuda' && !allowCpu) {
    console.error(
      `\nFAIL: the CUDA provider is installed but did not open a session (${choice.reason}); check nvidia-smi, the driver and the CUDA 12 / cuDNN 9 libraries.`,
    );
    return 1;
  }
  await benchEachTask(choice.device);
  console.log('');
  console.log(formatFullConcurrency(await benchFullConcurrency({ device: choice.device })));
  console.log('\nreal-size models (random weights; built once into .bench-cache/):');
  const cpu = await benchRealSize('cpu', 'q8', console.log);
  if (choice.device !== 'cpu') printSideBySide(cpu, await benchRealSize(choice.device, 'fp32', console.log));
  else printSideBySide(cpu);
  return 0;
}

/** The same real-size benches on the CPU (q8, what the daemon runs there) and on the device (fp32). */
function printSideBySide(cpu: RealSizeResult, device?: RealSizeResult): void {
  const cell = (r: RealSizeResult['rows'][number] | undefined) =>
    r ? `${r.unit === 'ms' ? Math.round(r.value) : r.value.toFixed(2)} ${r.unit}` : '';
  const header = ['what', `cpu ${cpu.dtype}`, ...(device ? [`${device.device} ${device.dtype}`, 'speed-up'] : [])];
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
  cpu.rows.forEach((row, i) => {
    const other = device?.rows[i];
    const faster =
      other && row.value > 0 && other.value > 0 ? (row.unit === 'ms' ? row.value / other.value : other.value / row.value) : undefined;
    const cells = [
      row.what,
      cell(row),
      ...(device ? [cell(other), faster === undefined || row.unit === 'MiB' ? '' : `${faster.toFixed(1)}×`] : []),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  });
}

process.exitCode = await main();
