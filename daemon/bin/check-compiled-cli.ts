import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

/** The checkout this file belongs to (the compiled copy points here too). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where `npm run build:cli` writes the compiled CLI. */
export const COMPILED_CLI_DIR = path.join(REPO_ROOT, 'dist/cli');
export const COMPILED_CLI_MANIFEST = 'manifest.json';
/** This module, compiled: the one file of the folder whose name never changes besides the manifest. */
export const COMPILED_CLI_CHECKER = 'check-compiled-cli.js';

/** One source file the compiled CLI was built from, as it was at build time. */
const BuiltInputSchema = z.strictObject({
  /** Relative to the checkout, with `/`. */
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
});

/** `dist/cli/manifest.json`: what the compiled CLI was built from, so a start can tell whether it is current. */
export const CompiledCliManifestSchema = z.strictObject({
  format: z.literal('loupe-compiled-cli'),
  /** The module exporting `main`, in the manifest's folder. */
  entry: z.string().min(1),
  /** Every file this build wrote besides the checker and the manifest (the next build keeps them for processes still running). */
  outputs: z.array(z.string().min(1)),
  inputs: z.array(BuiltInputSchema).min(1),
});
export type CompiledCliManifest = z.infer<typeof CompiledCliManifestSchema>;
export type BuiltInput = z.infer<typeof BuiltInputSchema>;

export type CompiledCliCheck = { current: true; entry: URL } | { current: false; reason: string };

/**
 * Whether the compiled CLI in `dir` was built from the sources as they are now: every input's
 * size and modification time match the manifest, or, where the time differs (a checkout
 * rewrites it), its content does. Anything else, a missing or unreadable manifest included,
 * is a reason to run the sources instead.
 */
export function checkCompiledCli(dir = COMPILED_CLI_DIR, root = REPO_ROOT): CompiledCliCheck {
  const where = path.relative(root, dir) || dir;
  let manifest: CompiledCliManifest;
  try {
    manifest = CompiledCliManifestSchema.parse(JSON.parse(readFileSync(path.join(dir, COMPILED_CLI_MANIFEST), 'utf8')));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { current: false, reason: missing ? `${where} is not built` : `${where}/${COMPILED_CLI_MANIFEST} is unreadable` };
  }
  for (const input of manifest.inputs) {
    const changed = changedSince(input, root);
    if (changed) return { current: false, reason: `${input.path} ${changed} since ${where} was built` };
  }
  return { current: true, entry: pathToFileURL(path.join(dir, manifest.entry)) };
}

/** How a file differs from the manifest's record of it, or `undefined` when it does not. */
function changedSince(input: BuiltInput, root: string): string | undefined {
  const file = path.join(root, input.path);
  try {
    const stat = statSync(file);
    if (stat.size !== input.size) return 'changed';
    if (stat.mtimeMs === input.mtimeMs) return undefined;
    return sha256Of(readFileSync(file)) === input.sha256 ? undefined : 'changed';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is gone' : 'is unreadable';
  }
}

/** The digest a manifest keeps of a file's bytes. */
export function sha256Of(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
