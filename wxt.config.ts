import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { EXTENSION_PUBLIC_KEY } from './shared/extension-identity';

// The extension's source lives in extension/ (the top level of the repo is fixed), and so does
// its public folder: WXT resolves publicDir from the root, not from srcDir.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Loupe',
    description: 'Local AI reading companion: summaries, entities, captions and bias flags. Nothing leaves your machine.',
    // A fixed key gives the Chrome build a stable id, so the daemon can allow exactly its origin.
    ...(browser === 'chrome' ? { key: EXTENSION_PUBLIC_KEY } : {}),
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting', 'tabs'],
    host_permissions: ['<all_urls>'],
  }),
});
