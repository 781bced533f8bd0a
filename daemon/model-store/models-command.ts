import { parseArgs } from 'node:util';
import type { Catalogue, CatalogueEntry } from '../../shared/models/catalogue-schema';
import { downloadSize, selectModelFiles } from '../../shared/models/select-model-files';
import { DtypeSchema, DTYPES } from '../../shared/models/catalogue-schema';
import type { VerifiedBy } from '../../shared/models/file-check';
import { LoupeError } from '../../shared/protocol/errors';
import { systemClock } from '../clock';
import { createLogger } from '../logger';
import { loadSettings, SettingsError } from '../settings';
import type { FetchLike } from './download-file';
import type { InstalledState, VerifyReport } from './inspect-installed';
import { createModelStore, type ModelStore } from './model-store';
import { createProgressRenderer, formatBytes } from './progress-renderer';

export interface ModelsCommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** Seams for tests; the CLI passes none. */
export interface ModelsCommandDeps {
  catalogue?: Catalogue;
  fetch?: FetchLike;
  retryDelayMs?: number;
}

const USAGE = `usage: loupe models <command>

  list [--json]               every catalogued model, whether it is installed, its download size, and
                              DIGESTS: how many of its files Loupe's catalogue pins; once installed,
                              how many were checked against the catalogue, against the mirror's
                              declaration, or not at all
  pull <id> [--dtype <d>] [--allow-unverified]
                              download a full-tier model (dtype: ${DTYPES.join(', ')}); before it is
                              installed, every file is checked against the size and sha256 Loupe's
                              catalogue pins or, where it pins none, against the digest the mirror
                              declares for the file at the pinned commit (the Hub's LFS sha256 or
                              git blob id). --allow-unverified also installs files for which
                              neither gives a digest (their sha256 is recorded and checked from then on)
  rm <id>                     delete a downloaded model
  verify [id]                 re-hash installed files: ok, corrupt or missing, and what vouches for each

Settings: LOUPE_CACHE_DIR (where models go), LOUPE_MODEL_MIRROR (default https://huggingface.co).
`;

type Out = (text: string) => void;

async function list(store: ModelStore, out: Out, json: boolean): Promise<number> {
  const rows: Record<string, string>[] = [];
  for (const entry of store.catalogue.models) rows.push(await describe(store, entry));
  if (json) {
    out(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const columns = ['id', 'task', 'tier', 'state', 'download', 'size', 'digests'] as const;
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd() + '\n';
  out(line(columns.map((c) => c.toUpperCase())));
  for (const row of rows) out(line(columns.map((c) => row[c] ?? '')));
  return 0;
}

// What `pull <id>` will download (default dtype), before anything is downloaded.
function downloadLabel(entry: CatalogueEntry): string {
  const { bytes, unknownSizes } = downloadSize(entry);
  if (unknownSizes === 0) return formatBytes(bytes);
  return bytes > 0 ? `over ${formatBytes(bytes)} (${unknownSizes} sizes unknown)` : 'size unknown';
}

// Before a pull: what the catalogue pins; after: what vouched for each file on disk.
function digestsLabel(entry: CatalogueEntry, state: InstalledState): string {
  if (state.state === 'absent') {
    const files = selectModelFiles(entry);
    return `catalogue ${files.filter((f) => f.sha256 !== undefined).length} of ${files.length}`;
  }
  const { catalogue, mirror, unverified } = state.verification;
  return `catalogue ${catalogue}, mirror ${mirror}${unverified > 0 ? `, unverified ${unverified}` : ''}`;
}

async function describe(store: ModelStore, entry: CatalogueEntry): Promise<Record<string, string>> {
  const base = { id: entry.id, task: entry.task, tier: entry.tier, licence: entry.licence };
  if (entry.source.kind !== 'huggingface') return { ...base, state: 'built in', download: '', size: '', digests: '' };
  const state = await store.inspectModel(entry.id);
  const label =
    state.state === 'installed' ? `installed (${state.dtypes.join(', ')})` : state.state === 'partial' ? 'partial: run pull' : 'not pulled';
  const size = state.sizeBytes > 0 ? formatBytes(state.sizeBytes) : '';
  return { ...base, state: label, download: downloadLabel(entry), size, digests: digestsLabel(entry, state) };
}

async function pull(
  store: ModelStore,
  io: ModelsCommandIo,
  id: string,
  dtypeArg: string | undefined,
  allowUnverified: boolean,
): Promise<number> {
  const dtype = dtypeArg === undefined ? undefined : DtypeSchema.safeParse(dtypeArg);
  if (dtype && !dtype.success) throw new LoupeError('bad-input', `Unknown dtype "${dtypeArg}". Use one of: ${DTYPES.join(', ')}.`);
  const tty = (io.stderr as NodeJS.WriteStream).isTTY === true;
  const onProgress = createProgressRenderer((text) => io.stderr.write(text), { tty, now: systemClock.now });
  const installed = await store.pullModel(id, { dtype: dtype?.data, onProgress, allowUnverified });
  io.stdout.write(`${installed.id} is ready (${installed.dtypes.join(', ')}, ${formatBytes(installed.sizeBytes)})\n`);
  return 0;
}

const VOUCHED: Record<VerifiedBy, string> = {
  catalogue: "pinned by Loupe's catalogue",
  mirror: "checked against the mirror's declaration",
  unverified: 'unverified (installed with --allow-unverified)',
};

function vouchedFor(out: Out, report: VerifyReport): void {
  for (const source of Object.keys(VOUCHED) as VerifiedBy[]) {
    const paths = report.files.filter((f) => f.verifiedBy === source).map((f) => f.path);
    if (paths.length > 0) out(`  ${VOUCHED[source]}: ${paths.join(', ')}\n`);
  }
}

async function verify(store: ModelStore, out: Out, id: string | undefined): Promise<number> {
  const reports = await store.verifyModels(id);
  if (reports.length === 0) {
    out('No full-tier model is installed; nothing to verify.\n');
    return 0;
  }
  let failed = 0;
  for (const report of reports) {
    const bad = report.files.filter((f) => f.status !== 'ok');
    out(
      `${report.id}@${report.revision}: ${bad.length === 0 ? `ok (${report.files.length} files)` : `${bad.length} of ${report.files.length} files damaged`}\n`,
    );
    vouchedFor(out, report);
    for (const file of bad) out(`  ${file.status} ${file.path}\n`);
    if (bad.length > 0) out(`  run \`loupe models pull ${report.id}\` to fetch them again\n`);
    failed += bad.length;
  }
  return failed === 0 ? 0 : 1;
}

async function dispatch(store: ModelStore, io: ModelsCommandIo, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      dtype: { type: 'string' },
      'allow-unverified': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, id, extra] = positionals;
  const out: Out = (text) => io.stdout.write(text);
  const needsId = command === 'pull' || command === 'rm';
  if (values.help || extra !== undefined || (needsId && !id) || (command === 'list' && id)) {
    io.stderr.write(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'list') return list(store, out, values.json === true);
  if (command === 'pull' && id) return pull(store, io, id, values.dtype, values['allow-unverified'] === true);
  if (command === 'rm' && id) {
    out((await store.removeModel(id)) ? `Removed ${id}\n` : `${id} was not installed\n`);
    return 0;
  }
  if (command === 'verify') return verify(store, out, id);
  io.stderr.write(command ? `Unknown command "models ${command}".\n${USAGE}` : USAGE);
  return 2;
}

/**
 * `loupe models list | pull <id> | rm <id> | verify [id]`. Reads LOUPE_CACHE_DIR and
 * LOUPE_MODEL_MIRROR from `io.env`; returns the exit code (0 ok, 1 failed, 2 bad usage).
 */
export async function runModelsCommand(argv: string[], io: ModelsCommandIo, deps: ModelsCommandDeps = {}): Promise<number> {
  try {
    const settings = loadSettings(io.env);
    const logger = createLogger(settings.log, (line) => io.stderr.write(line + '\n'));
    const store = createModelStore({ cacheDir: settings.cacheDir, mirror: settings.modelMirror, logger, ...deps });
    return await dispatch(store, io, argv);
  } catch (error) {
    if (error instanceof LoupeError || error instanceof SettingsError) {
      io.stderr.write(`error: ${error.message}\n`);
      return error instanceof SettingsError || error.code === 'bad-input' ? 2 : 1;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`error: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
