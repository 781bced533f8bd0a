import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMemoryLogger } from '../../daemon/logger';
import { createModelStore } from '../../daemon/model-store/model-store';
import { startFakeHub, type FakeHub } from '../integration/model-store/fake-hub';
import {
  hubFiles,
  hubPath,
  recordsOf,
  sha256,
  tinyCatalogue,
  tinyFiles,
  TINY_ID,
  TINY_REVISION,
} from '../integration/model-store/tiny-catalogue';
import type { StressRow } from './stress-table';

/**
 * `pulls` pulls in a row (as a user would run `loupe models pull` again); from the second on the
 * mirror lies with 416 when `lie` is set. `unpinned`: the catalogue pins no digest or size.
 */
type Case = {
  name: string;
  unpinned?: boolean;
  allowUnverified?: boolean;
  lie?: boolean;
  arrange(hub: FakeHub, files: Record<string, Buffer>): void;
  pulls: number;
};

const WEIGHTS = 'onnx/model_quantized.onnx';
const cut = (hub: FakeHub) => hub.dropOnce(hubPath(WEIGHTS), 120_000);
const tamper = (hub: FakeHub, files: Record<string, Buffer>, bytes: Buffer) => {
  hub.declareAs(hubPath(WEIGHTS), files[WEIGHTS]!);
  hub.files.set(hubPath(WEIGHTS), bytes);
};

const CASES: Case[] = [
  { name: 'connection cut mid-file, pulled again (resumes)', arrange: cut, pulls: 2 },
  { name: 'cut, then the resume answered `416 bytes */<partial>`', lie: true, arrange: cut, pulls: 2 },
  { name: 'same, unpinned, checked against the digests the mirror declares', unpinned: true, lie: true, arrange: cut, pulls: 2 },
  {
    name: 'same, unpinned, no digest declared either (--allow-unverified)',
    unpinned: true,
    allowUnverified: true,
    lie: true,
    arrange: (hub) => {
      hub.declare = false;
      cut(hub);
    },
    pulls: 2,
  },
  {
    name: '200 MiB config.json without Content-Length',
    arrange: (hub) => hub.endless(hubPath('config.json'), 200 * 1024 * 1024),
    pulls: 1,
  },
  {
    name: 'weights truncated by the mirror',
    arrange: (hub, files) => hub.files.set(hubPath(WEIGHTS), files[WEIGHTS]!.subarray(0, 250_000)),
    pulls: 1,
  },
  {
    name: 'weights of the right size, other bytes',
    arrange: (hub, files) => hub.files.set(hubPath(WEIGHTS), Buffer.alloc(files[WEIGHTS]!.length, 1)),
    pulls: 1,
  },
  {
    name: 'unpinned weights: the mirror declares the real digest and size, serves other bytes',
    unpinned: true,
    arrange: (hub, files) => tamper(hub, files, Buffer.alloc(files[WEIGHTS]!.length, 1)),
    pulls: 1,
  },
  {
    name: 'unpinned weights: the mirror declares the real size, serves fewer bytes',
    unpinned: true,
    arrange: (hub, files) => tamper(hub, files, files[WEIGHTS]!.subarray(0, 250_000)),
    pulls: 1,
  },
  {
    name: 'the mirror declares other weights than the catalogue pins',
    arrange: (hub) => hub.declareAs(hubPath(WEIGHTS), Buffer.alloc(300_000, 1)),
    pulls: 1,
  },
];

/** Interrupted and lying mirrors: whatever the mirror does, the only file ever installed is the expected one. */
export async function lyingMirrors(): Promise<StressRow> {
  const outcomes: string[] = [];
  let held = 0;
  for (const c of CASES) {
    const files = tinyFiles();
    const hub = await startFakeHub(hubFiles(files));
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'loupe-stress-mirror-'));
    const catalogue = c.unpinned ? tinyCatalogue() : tinyCatalogue(recordsOf(files));
    const store = createModelStore({
      cacheDir,
      mirror: hub.url,
      catalogue,
      retries: 0,
      retryDelayMs: 0,
      logger: createMemoryLogger(),
      allowUnverified: c.allowUnverified ?? false,
    });
    try {
      c.arrange(hub, files);
      let outcome = 'installed';
      for (let pull = 0; pull < c.pulls; pull++) {
        if (pull === 1) hub.lie416 = c.lie ?? false;
        outcome = await store.pullModel(TINY_ID).then(
          () => 'installed',
          (e: Error & { code?: string }) => `refused (${e.code})`,
        );
      }
      const installed = await Promise.all(
        ['config.json', 'onnx/model_quantized.onnx'].map((f) =>
          readFile(path.join(cacheDir, 'models', TINY_ID, TINY_REVISION, ...f.split('/'))).catch(() => undefined),
        ),
      );
      const intact = installed.every(
        (bytes, i) => bytes === undefined || sha256(bytes) === sha256(files[['config.json', 'onnx/model_quantized.onnx'][i]!]!),
      );
      const partialLeft = await stat(path.join(cacheDir, 'models', TINY_ID, TINY_REVISION, 'config.json.partial')).then(
        () => true,
        () => false,
      );
      if (intact && !partialLeft) held++;
      outcomes.push(`${c.name}: ${outcome}${intact ? '' : ', BAD FILE INSTALLED'}`);
    } finally {
      await hub.close();
      await rm(cacheDir, { recursive: true, force: true });
    }
  }
  return { attack: 'interrupted and lying model mirrors', tried: CASES.length, held, detail: outcomes.join('; ') };
}
