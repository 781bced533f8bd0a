import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { EXTENSION_PUBLIC_KEY, GECKO_ADDON_ID } from './shared/extension-identity';
import { ACTION_TITLE } from './extension/entrypoints/background/site-switch';
import { ANNOTATE_COMMAND } from './extension/lib/annotate-shortcut';
import { defaultClientConditions } from 'vite';
import { aliasList, allowModelHub, sharedOrtAlias } from './build/full-assets';
import { liteModelAssets, ocrModelAssets, ORT_EXTERN_WASM_CONDITION, ortRuntimeAssets } from './build/engine-assets';

// Allow WebAssembly (onnxruntime-web) and the loopback socket to the daemon. Firefox's MV3 CSP
// blocks ws://127.0.0.1 unless connect-src names it.
const EXTENSION_PAGES_CSP = [
  "script-src 'self' 'wasm-unsafe-eval'",
  "object-src 'self'",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:* http://127.0.0.1:* http://localhost:* blob: data:",
].join('; ');

// The extension's source lives in extension/ (the top level of the repo is fixed), and so does
// its public folder: WXT resolves publicDir from the root, not from srcDir.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  imports: false,
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // One copy of the ONNX runtime (in /ort/, loaded through ort.env.wasm.wasmPaths): resolve
    // onnxruntime-web to its build that does not bundle the .wasm.
    'vite:build:extendConfig': (_entrypoints, config) => {
      config.resolve ??= {};
      config.resolve.conditions = [ORT_EXTERN_WASM_CONDITION, ...(config.resolve.conditions ?? defaultClientConditions)];
      // transformers.js (the full tier) runs on that same runtime module.
      config.resolve.alias = [sharedOrtAlias(config.root ?? process.cwd()), ...aliasList(config.resolve.alias)];
    },
    // The runtime, the trained lite models, and the OCR networks (checked against the catalogue).
    'build:publicAssets': (wxt, files) => {
      files.push(...ortRuntimeAssets(wxt.config.root), ...liteModelAssets(wxt.config.root), ...ocrModelAssets(wxt.config.root));
    },
    // Full-tier downloads from the Hub (local mirrors are on loopback, already allowed).
    'build:manifestGenerated': (_wxt, manifest) => {
      const csp = manifest.content_security_policy as { extension_pages?: string } | undefined;
      if (csp?.extension_pages) csp.extension_pages = allowModelHub(csp.extension_pages);
    },
  },
  manifest: ({ browser }) => ({
    name: 'Loupe',
    description: 'Local AI reading companion: summaries, entities, captions and bias flags. Nothing leaves your machine.',
    permissions: [
      'storage',
      'contextMenus',
      'activeTab',
      'scripting',
      'tabs',
      // One-step pairing: the token comes from Loupe's helper over stdio, never the network.
      'nativeMessaging',
      ...(browser === 'chrome' ? ['sidePanel', 'offscreen'] : []),
    ],
    host_permissions: ['<all_urls>'],
    // The toolbar button annotates the page (and opens the panel), so it has no popup.
    action: { default_title: ACTION_TITLE },
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    commands: {
      [ANNOTATE_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Annotate this page with Loupe',
      },
    },
    ...(browser === 'chrome'
      ? // A fixed key gives the Chrome build a stable id, so the daemon can allow exactly its origin.
        { key: EXTENSION_PUBLIC_KEY }
      : {
          browser_specific_settings: {
            // Loupe sends nothing anywhere: declare it, as AMO requires of new add-ons.
            gecko: { id: GECKO_ADDON_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
          },
        }),
  }),
});
