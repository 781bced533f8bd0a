import { execFile } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Settings } from '../settings';
import type { NativeHostSetup } from './install-native-host';

const CLI = fileURLToPath(new URL('../bin/loupe.js', import.meta.url));

/** The host as this CLI registers it: this Node, this checkout, this user's settings. */
export function cliHostSetup(settings: Pick<Settings, 'configDir'>, env: NodeJS.ProcessEnv): NativeHostSetup {
  return {
    platform: { platform: process.platform, homedir: os.homedir(), env },
    configDir: settings.configDir,
    node: process.execPath,
    cli: CLI,
    env: { LOUPE_CONFIG_DIR: settings.configDir, ...(env.LOUPE_PORT ? { LOUPE_PORT: env.LOUPE_PORT } : {}) },
    runRegistry: async (args) => {
      await promisify(execFile)('reg', args);
    },
  };
}
