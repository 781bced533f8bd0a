import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CHROME_EXTENSION_ORIGIN } from '../shared/extension-identity';
import { isExtensionOrigin } from './settings';

const PairedOriginSchema = z.string().superRefine((origin, ctx) => {
  if (origin.includes('*')) {
    ctx.addIssue({
      code: 'custom',
      message: `wildcard origin ${JSON.stringify(origin)} is never allowed: pair each extension with \`loupe pair --origin <origin>\``,
    });
  } else if (!isExtensionOrigin(origin)) {
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(origin)} is not an extension origin (chrome-extension://<id> or moz-extension://<uuid>)`,
    });
  }
});

export const DaemonConfigSchema = z.strictObject({
  pairedOrigins: z.array(PairedOriginSchema).default([]),
});
export type DaemonConfig = z.infer<typeof DaemonConfigSchema>;

export interface OriginStore {
  readonly path: string;
  /** Origins paired with `loupe pair`, validated; throws naming the file when it is invalid. */
  listPaired(): Promise<string[]>;
  /** Adds an origin; returns false when it was already paired. */
  pair(origin: string): Promise<boolean>;
  unpair(origin: string): Promise<boolean>;
}

/** Keeps paired extension origins in `<configDir>/config.json`. */
export function createOriginStore(configDir: string): OriginStore {
  const file = path.join(configDir, 'config.json');

  async function load(): Promise<DaemonConfig> {
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { pairedOrigins: [] };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new Error(`${file} is not valid JSON. Fix it by hand or delete it and pair again with \`loupe pair --origin <origin>\`.`);
    }
    const parsed = DaemonConfigSchema.safeParse(json);
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`${file} is invalid: ${reasons}.`);
    }
    return parsed.data;
  }

  async function save(config: DaemonConfig): Promise<void> {
    await mkdir(configDir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
    await rename(temp, file);
  }

  return {
    path: file,
    listPaired: async () => (await load()).pairedOrigins,
    async pair(input) {
      // Firefox writes its per-install UUIDs in lower case; accept a pasted upper-case copy.
      const origin = input.trim().toLowerCase();
      const checked = PairedOriginSchema.safeParse(origin);
      if (!checked.success) throw new Error(`Cannot pair ${checked.error.issues[0]?.message ?? origin}.`);
      const config = await load();
      if (config.pairedOrigins.includes(origin)) return false;
      await save({ pairedOrigins: [...config.pairedOrigins, origin] });
      return true;
    },
    async unpair(origin) {
      const config = await load();
      if (!config.pairedOrigins.includes(origin)) return false;
      await save({ pairedOrigins: config.pairedOrigins.filter((o) => o !== origin) });
      return true;
    },
  };
}

/** Every origin the gate lets through: Loupe's Chrome build, paired origins, LOUPE_ALLOWED_ORIGINS. */
export async function loadAllowedOrigins(store: OriginStore, extra: readonly string[]): Promise<Set<string>> {
  return new Set([CHROME_EXTENSION_ORIGIN, ...(await store.listPaired()), ...extra]);
}
