import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PROTOCOL_VERSION, type EngineInfo } from '../shared/protocol/messages';
import type { Settings } from './settings';

const PackageSchema = z.object({ version: z.string() });

/** The daemon's version, read from the repository's package.json. */
export function daemonVersion(): string {
  const raw = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  return PackageSchema.parse(JSON.parse(raw)).version;
}

/**
 * What the daemon says about itself on `GET /` and in reply to `hello`. Lite runs rules and CPU
 * networks only; the device setting matters once full-tier sessions exist.
 */
export function createEngineInfo(settings: Pick<Settings, 'device'>, models: EngineInfo['models'] = []): EngineInfo {
  const reason =
    settings.device === 'auto'
      ? 'LOUPE_DEVICE=auto: lite pipelines run on the CPU'
      : `LOUPE_DEVICE=${settings.device} requested; lite pipelines run on the CPU`;
  return {
    name: 'loupe',
    version: daemonVersion(),
    protocol: PROTOCOL_VERSION,
    device: { backend: 'cpu', reason },
    models,
  };
}
