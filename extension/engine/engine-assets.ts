// Build-time (Node) helpers for wxt.config.ts: which files ship the in-browser engine.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The package-export condition under which `import 'onnxruntime-web'` resolves to the build that
 * loads its .wasm from `ort.env.wasm.wasmPaths` instead of bundling it: without it Vite emits the
 * 28 MB binary as an asset AND we copy it to /ort/, shipping it twice.
 */
export const ORT_EXTERN_WASM_CONDITION = 'onnxruntime-web-use-extern-wasm';

/** The runtime's JSEP build (WebGPU + WebAssembly), the one the default export loads. */
const ORT_RUNTIME_FILES = ['ort-wasm-simd-threaded.jsep.mjs', 'ort-wasm-simd-threaded.jsep.wasm'];

export interface CopiedAsset {
  /** Path inside the built extension. */
  relativeDest: string;
  absoluteSrc: string;
}

/** onnxruntime-web's runtime files, served from /ort/ in the extension. */
export function ortRuntimeAssets(rootDir: string): CopiedAsset[] {
  const dist = join(rootDir, 'node_modules/onnxruntime-web/dist');
  return ORT_RUNTIME_FILES.map((file) => {
    const absoluteSrc = join(dist, file);
    if (!existsSync(absoluteSrc)) throw new Error(`${absoluteSrc} is missing: run npm ci to reinstall onnxruntime-web.`);
    return { relativeDest: `ort/${file}`, absoluteSrc };
  });
}

/** Every trained lite model file (models/lite/**\/*.onnx and *.json), under /models/lite/. None yet: none shipped. */
export function liteModelAssets(rootDir: string): CopiedAsset[] {
  const liteDir = join(rootDir, 'models/lite');
  if (!existsSync(liteDir)) return [];
  return listFiles(liteDir)
    .filter((file) => file.endsWith('.onnx') || file.endsWith('.json'))
    .map((absoluteSrc) => ({ relativeDest: `models/lite/${relative(liteDir, absoluteSrc).split('\\').join('/')}`, absoluteSrc }));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.isFile() ? [path] : [];
  });
}
