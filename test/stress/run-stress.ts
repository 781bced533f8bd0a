/**
 * `npm run stress [-- --quick] [-- --only=<section>,...]`: replays the attack classes against the
 * real daemon (`loupe serve` in its own process, on 127.0.0.1 only) and prints one table of
 * tried / held with the daemon's memory and the latency that matters for each class. Bounded in
 * count and time (about four minutes here; `--quick` about one). `--only` runs the named
 * sections alone (the names it prints as `stress: <name>...`), e.g. `--only=mirrors`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { halfOpen, hostileUpgrades, oneOffOrigins, oneOffOriginsHeap } from './attack-upgrades';
import { fuzzedFrames } from './attack-frames';
import { cliFiveMegabytes, oversizedInputs, twoMillionCharacters } from './attack-inputs';
import { killMidRequest } from './crash';
import { burst, cancels, manyClients, soak } from './load';
import { lyingMirrors } from './mirrors';
import { startStressDaemon } from './stress-daemon';
import { formatStressTable, type StressRow } from './stress-table';

const quick = process.argv.includes('--quick');
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const scale = (full: number, small: number) => (quick ? small : full);

async function main(): Promise<number> {
  const began = performance.now();
  const scratch = await mkdtemp(path.join(tmpdir(), 'loupe-stress-'));
  const daemon = await startStressDaemon();
  const rows: StressRow[] = [];
  const run = async (name: string, section: () => Promise<StressRow | StressRow[]>) => {
    if (only && !only.includes(name)) return;
    process.stderr.write(`stress: ${name}...\n`);
    const result = await section();
    rows.push(...(Array.isArray(result) ? result : [result]));
  };
  try {
    // Latencies on a shared machine depend on how busy it is: say so beside them.
    process.stdout.write(
      `Loupe stress: daemon RSS at start ${daemon.rssMiB().toFixed(0)} MiB; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores\n\n`,
    );
    await run('hostile upgrades', () => hostileUpgrades(daemon, scale(20, 5)));
    await run('one-off origins', () => oneOffOrigins(daemon, scale(10_000, 2_000)));
    await run('one-off origins, heap', () => oneOffOriginsHeap(scale(10_000, 2_000)));
    await run('half-open connections', () => halfOpen(daemon, scale(200, 80)));
    await run('fuzzed frames', () => fuzzedFrames(daemon, scale(5_000, 1_000)));
    await run('oversized inputs', () => oversizedInputs(daemon));
    await run('two million characters', () => twoMillionCharacters(daemon));
    await run('5 MB file to loupe analyze', () => cliFiveMegabytes(scratch));
    await run('64 clients', () => manyClients(daemon, 64, 4));
    await run('burst', () => burst(daemon, scale(1_000, 200)));
    await run('cancel', () => cancels(daemon, scale(10, 3)));
    await run('soak', () => soak(daemon, scale(60, 10)));
    await run('kill -9', () => killMidRequest(scale(3, 1)));
    await run('mirrors', () => lyingMirrors());
  } finally {
    await daemon.stop();
    await rm(scratch, { recursive: true, force: true });
  }
  process.stdout.write(`${formatStressTable(rows)}\n\n`);
  const broken = rows.filter((r) => r.held < r.tried);
  process.stdout.write(
    `${broken.length === 0 ? 'every attack held' : `${broken.length} classes did not fully hold: ${broken.map((r) => r.attack).join('; ')}`} — ${((performance.now() - began) / 1000).toFixed(0)} s, load average at the end ${loadavg()[0]!.toFixed(1)}\n`,
  );
  return broken.length === 0 ? 0 : 1;
}

process.exitCode = await main();
