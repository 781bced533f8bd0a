// Build-time (Node) step: compiles the `loupe` CLI to plain JavaScript, so that a start does
// not compile TypeScript first (daemon/bin/loupe.js runs the sources through tsx otherwise).
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildOptions, type Loader, type Plugin } from 'esbuild';
import {
  COMPILED_CLI_CHECKER,
  COMPILED_CLI_DIR,
  COMPILED_CLI_MANIFEST,
  CompiledCliManifestSchema,
  REPO_ROOT,
  sha256Of,
  type BuiltInput,
  type CompiledCliManifest,
} from '../daemon/bin/check-compiled-cli';

const LOADERS: Record<string, Loader> = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.json': 'json' };

/**
 * Compiles daemon/cli.ts and everything of this checkout it imports into `outDir` (npm packages
 * stay imports, resolved from node_modules as before), with a manifest of every source file and
 * its digest, so that a start can tell whether the compiled copy is current. Dynamic imports stay
 * separate chunks, loaded on use as before; `import.meta.url` keeps meaning each source file's
 * own location. Files are named by content and the manifest is replaced last, in one step: a
 * process started from the previous build still finds the chunks it loads later.
 */
export async function buildCli(outDir = COMPILED_CLI_DIR, root = REPO_ROOT): Promise<CompiledCliManifest> {
  const inputs = new Map<string, BuiltInput>([['build/build-cli.ts', (await recordOf(root, 'build/build-cli.ts')).input]]);
  const common = {
    absWorkingDir: root,
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [checkoutSources(root, outDir, inputs)],
  } satisfies BuildOptions;
  await mkdir(outDir, { recursive: true });
  const [cli, checker] = await Promise.all([
    build({ ...common, entryPoints: { cli: 'daemon/cli.ts' }, splitting: true, entryNames: '[name]-[hash]', chunkNames: '[name]-[hash]' }),
    build({ ...common, entryPoints: { [path.basename(COMPILED_CLI_CHECKER, '.js')]: 'daemon/bin/check-compiled-cli.ts' }, write: false }),
  ]);
  for (const input of [...Object.keys(cli.metafile.inputs), ...Object.keys(checker.metafile.inputs)]) {
    if (!inputs.has(input)) throw new Error(`build-cli: ${input} was compiled without a record in the manifest`);
  }
  const outputs = Object.keys(cli.metafile.outputs).map((file) => path.basename(file));
  const entry = Object.entries(cli.metafile.outputs).find(([, output]) => output.entryPoint === 'daemon/cli.ts')?.[0];
  if (!entry) throw new Error('build-cli: esbuild named no entry file');
  for (const file of checker.outputFiles ?? []) await replaceFile(file.path, file.contents);
  const manifest: CompiledCliManifest = {
    format: 'loupe-compiled-cli',
    entry: path.basename(entry),
    outputs,
    inputs: [...inputs.values()],
  };
  const previous = await readManifest(outDir);
  await replaceFile(path.join(outDir, COMPILED_CLI_MANIFEST), JSON.stringify(manifest, null, 1) + '\n');
  await pruneOutputs(
    outDir,
    new Set([...outputs, ...(previous?.outputs ?? []), COMPILED_CLI_MANIFEST, COMPILED_CLI_CHECKER, `${COMPILED_CLI_CHECKER}.map`]),
  );
  return manifest;
}

/**
 * Loads this checkout's files itself: records what it read (size, time, digest) and points
 * `import.meta.url` at the source file, relative to the output folder.
 */
function checkoutSources(root: string, outDir: string, inputs: Map<string, BuiltInput>): Plugin {
  return {
    name: 'checkout-sources',
    setup(plugin) {
      // esbuild filters are Go regular expressions, which take no flags.
      plugin.onLoad({ filter: /.*/, namespace: 'file' }, async ({ path: file }) => {
        const relative = path.relative(root, file).split(path.sep).join('/');
        if (relative.startsWith('../') || relative.startsWith('node_modules/')) return undefined;
        const loader = LOADERS[path.extname(file)];
        if (!loader) throw new Error(`build-cli: no loader for ${relative}`);
        const { input, bytes } = await recordOf(root, relative);
        inputs.set(relative, input);
        const source = bytes.toString('utf8');
        if (/import\.meta\.(?:dirname|filename)/u.test(source)) {
          throw new Error(`build-cli: ${relative} uses import.meta.dirname or filename; use import.meta.url, which the compiled CLI keeps`);
        }
        const here = `new URL(${JSON.stringify(path.relative(outDir, file).split(path.sep).join('/'))}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', here), loader };
      });
    },
  };
}

async function recordOf(root: string, relative: string): Promise<{ input: BuiltInput; bytes: Buffer }> {
  const file = path.join(root, relative);
  // Time first, bytes second: an edit in between leaves a time that no longer matches, and the
  // check then compares digests, which see the edit.
  const { mtimeMs } = await stat(file);
  const bytes = await readFile(file);
  return { input: { path: relative, size: bytes.length, mtimeMs, sha256: sha256Of(bytes) }, bytes };
}

/** Writes beside the file, then renames over it: a reader sees the old file or the new one. */
async function replaceFile(file: string, contents: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}

async function readManifest(outDir: string): Promise<CompiledCliManifest | undefined> {
  try {
    return CompiledCliManifestSchema.parse(JSON.parse(await readFile(path.join(outDir, COMPILED_CLI_MANIFEST), 'utf8')));
  } catch {
    return undefined; // none yet, or unreadable: nothing of it to keep
  }
}

/** Removes what neither this build nor the one before it wrote. */
async function pruneOutputs(outDir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const file of await readdir(outDir)) {
    const output = file.endsWith('.map') ? file.slice(0, -'.map'.length) : file;
    if (!keep.has(file) && !keep.has(output)) await rm(path.join(outDir, file), { force: true });
  }
}
