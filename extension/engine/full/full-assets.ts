// Build-time (Node) helpers for wxt.config.ts: the files the full tier needs in the package.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CopiedAsset } from '../engine-assets';
import { MODEL_HUB_CONNECT_SRC } from './model-mirror';

/**
 * transformers.js imports `onnxruntime-web/webgpu` from its OWN copy of onnxruntime-web (a 1.31
 * dev build), whose glue loads `ort-wasm-simd-threaded.asyncify.{mjs,wasm}`. Glue and .wasm
 * must come from that same copy (a 1.30 .wasm under 1.31 glue fails to instantiate), so they
 * are resolved from transformers.js's package, never from the top-level onnxruntime-web.
 */
const TRANSFORMERS_ORT_FILES = ['ort-wasm-simd-threaded.asyncify.mjs', 'ort-wasm-simd-threaded.asyncify.wasm'];

export function transformersOrtAssets(rootDir: string): CopiedAsset[] {
  const fromTransformers = createRequire(join(rootDir, 'node_modules/@huggingface/transformers/package.json'));
  return TRANSFORMERS_ORT_FILES.map((file) => {
    let absoluteSrc: string;
    try {
      absoluteSrc = fromTransformers.resolve(`onnxruntime-web/${file}`);
    } catch (error) {
      throw new Error(`transformers.js's onnxruntime-web has no ${file}: run npm ci to reinstall @huggingface/transformers.`, { cause: error });
    }
    if (!existsSync(absoluteSrc)) throw new Error(`${absoluteSrc} is missing: run npm ci to reinstall @huggingface/transformers.`);
    return { relativeDest: `ort/${file}`, absoluteSrc };
  });
}

/** Adds the Hub (and the CDNs its downloads redirect to) to the extension pages' connect-src. */
export function allowModelHub(csp: string): string {
  return csp.split(';').map((directive) => {
    const trimmed = directive.trim();
    if (!trimmed.startsWith('connect-src')) return trimmed;
    const missing = MODEL_HUB_CONNECT_SRC.filter((host) => !trimmed.split(/\s+/u).includes(host));
    return [trimmed, ...missing].join(' ');
  }).join('; ');
}
