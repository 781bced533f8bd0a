/**
 * `npm run train -- <name>`: rebuilds one lite model from ../shared/data, deterministically.
 * Each trainer lives in models/training/<name>/ and exports a `main(args)` that returns an exit code.
 */
const TRAINERS: Record<string, () => Promise<{ main: (args: string[]) => Promise<number> }>> = {
  entities: () => import('./entities/train-entities'),
  bias: () => import('./bias/train-bias'),
  summary: () => import('./summary/tune-summary'),
};

const [name, ...rest] = process.argv.slice(2);
const load = name ? TRAINERS[name] : undefined;
if (!load) {
  process.stderr.write(`usage: npm run train -- <${Object.keys(TRAINERS).join('|')}> [options]\n`);
  process.exit(2);
}
process.exitCode = await (await load()).main(rest);
