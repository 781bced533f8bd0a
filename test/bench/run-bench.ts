/**
 * `npm run bench [-- <section>...]`: speed figures of Loupe on this machine, each beside a
 * baseline measured in the same run. Sections: entities, bias, analyze, ocr, protocol,
 * concurrency, full-batching, full-real, extension, scaling, jsonl (default: all). `extension`
 * compares the built extension with the figures recorded before a change (`-- extension
 * --save-baseline` records them). Everything runs on 127.0.0.1 and stops by itself.
 */
import type { LoadedLiteModels } from '../../daemon/lite-models/load-lite-models';
import { benchAnalyzeCliSection } from './bench-analyze-cli';
import { benchFullBatchingSection } from './bench-full-batching';
import { benchFullRealSection } from './bench-full-real';
import { benchJsonlSection } from './bench-jsonl';
import { benchScalingSection } from './bench-scaling';
import { benchBiasSection, benchEntitiesSection, loadBenchModels } from './bench-lite-models';
import { benchOcrSection } from './bench-ocr';
import { benchConcurrencySection, benchProtocolSection } from './bench-socket';
import { benchExtensionSection } from './bench-extension';
import { describeMachine, num } from './bench-timing';

type Section = (lite: () => Promise<LoadedLiteModels>, flags: readonly string[]) => Promise<void>;

const SECTIONS: Record<string, Section> = {
  entities: async (lite) => benchEntitiesSection(await lite()),
  bias: async (lite) => benchBiasSection(await lite()),
  analyze: () => benchAnalyzeCliSection(),
  ocr: () => benchOcrSection(),
  protocol: async (lite) => benchProtocolSection(await lite()),
  concurrency: async (lite) => benchConcurrencySection(await lite()),
  'full-batching': () => benchFullBatchingSection(),
  'full-real': () => benchFullRealSection(),
  extension: (_lite, flags) => benchExtensionSection(flags),
  scaling: async (lite) => benchScalingSection(await lite()),
  jsonl: () => benchJsonlSection(),
};

function chosenSections(args: string[]): string[] | null {
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown bench section ${unknown.map((u) => JSON.stringify(u)).join(', ')}; use any of: ${Object.keys(SECTIONS).join(', ')}\n`,
    );
    return null;
  }
  return names.length > 0 ? names : Object.keys(SECTIONS);
}

async function main(args: string[]): Promise<number> {
  const names = chosenSections(args);
  if (!names) return 2;
  const flags = args.filter((a) => a.startsWith('--') && a !== '--');
  process.stdout.write(`Loupe bench: ${names.join(', ')}\n${describeMachine()}\n`);
  let loading: Promise<LoadedLiteModels> | undefined;
  const lite = () => (loading ??= loadBenchModels());
  const began = performance.now();
  try {
    for (const name of names) await SECTIONS[name]!(lite, flags);
  } finally {
    await (await loading)?.release();
  }
  process.stdout.write(`\ndone in ${num((performance.now() - began) / 1000)} s\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
