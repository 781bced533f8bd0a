// Build-time (Node) helpers for wxt.config.ts: the files the full tier needs in the package.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_HUB_CONNECT_SRC } from '../extension/engine/full/model-mirror';

/**
 * Makes transformers.js run on the SAME onnxruntime-web module as the lite runner (the
 * top-level package's JSEP build, WebGPU + wasm, whose .mjs/.wasm the build already ships in
 * /ort/): its `onnxruntime-web/webgpu` import is pointed at that file, so the package carries
 * one runtime and the engine host instantiates it once, instead of adding transformers.js's own
 * 1.31 dev copy (27 MB more of .wasm, in a second heap).
 */
export function sharedOrtAlias(rootDir: string): { find: RegExp; replacement: string } {
  const jsep = join(rootDir, 'node_modules/onnxruntime-web/dist/ort.min.mjs');
  if (!existsSync(jsep)) throw new Error(`${jsep} is missing: run npm ci to reinstall onnxruntime-web.`);
  return { find: /^onnxruntime-web\/webgpu$/u, replacement: jsep };
}

/** Adds the Hub (and the CDNs its downloads redirect to) to the extension pages' connect-src. */
export function allowModelHub(csp: string): string {
  return csp
    .split(';')
    .map((directive) => {
      const trimmed = directive.trim();
      if (!trimmed.startsWith('connect-src')) return trimmed;
      const missing = MODEL_HUB_CONNECT_SRC.filter((host) => !trimmed.split(/\s+/u).includes(host));
      return [trimmed, ...missing].join(' ');
    })
    .join('; ');
}

type AliasEntry = { find: string | RegExp; replacement: string };

/** Vite's `resolve.alias` as a list (it may be a record or a list), so entries can be prepended. */
export function aliasList(alias: unknown): AliasEntry[] {
  if (!alias) return [];
  if (Array.isArray(alias)) return alias as AliasEntry[];
  return Object.entries(alias as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
}
