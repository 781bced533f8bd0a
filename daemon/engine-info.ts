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
 * networks only; the device setting matters once full-tier sessions exist. `notes` (e.g. why a
 * lite model is not loaded) follow the device reason: the strict wire schema has no other
 * free-text field.
 */
export function createEngineInfo(
  settings: Pick<Settings, 'device'>,
  models: EngineInfo['models'] = [],
  notes: readonly string[] = [],
): EngineInfo {
  const device =
    settings.device === 'auto'
      ? 'LOUPE_DEVICE=auto: lite pipelines run on the CPU'
      : `LOUPE_DEVICE=${settings.device} requested; lite pipelines run on the CPU`;
  const reason = [device, ...notes].join('; ');
  return {
    name: 'loupe',
    version: daemonVersion(),
    protocol: PROTOCOL_VERSION,
    device: { backend: 'cpu', reason },
    models,
  };
}
