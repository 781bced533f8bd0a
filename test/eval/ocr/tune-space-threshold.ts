import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { decodeOcrImage } from '../../../daemon/ocr/decode-ocr-image';
import { loadOcrRunner } from '../../../daemon/ocr/load-ocr-runner';
import { locateOcrModelFiles } from '../../../daemon/ocr/ocr-model-files';
import { parseOcrDictionary } from '../../../shared/lite/ocr/ctc-decode';
import { readTextInImage } from '../../../shared/lite/ocr/read-text-in-image';
import { editDistance } from './character-accuracy';
import { renderTextPng } from './render-text-png';

/** Development lines, kept apart from the evaluation set so the threshold is not fitted to it. */
const DEV_PHRASES = [
  'Board meets on June 3',
  'Gas up 12 cents to $3.41',
  'Ana Ruiz wins in Lyon',
  'Ages 8 and up',
  'New hours: 7am - 9pm',
  'Total due: $1,204.00',
  'See page 18 for details',
  'Go to exit 4 now',
  'Sven & Co. since 1952',
  'A quiet week in Tulsa',
  'Rated 4.5 of 5 stars',
  'Pick up by 10/02',
];
const DEV_FONTS = ['DejaVu Sans', 'DejaVu Serif', 'Liberation Sans', 'Liberation Mono'];
const DEV_SIZES = [16, 24, 40];

/** Character accuracy on the development lines for each candidate space threshold. */
export async function tuneSpaceThreshold(candidates = [Infinity, 0.02, 0.05, 0.1, 0.2, 0.3]): Promise<Record<string, number>> {
  const files = await locateOcrModelFiles();
  const runner = await loadOcrRunner(files);
  const characters = parseOcrDictionary(await readFile(files.dictionary, 'utf8'));
  const totals = new Map<number, number>(candidates.map((c) => [c, 0]));
  let reference = 0;
  try {
    for (const phrase of DEV_PHRASES) {
      for (const font of DEV_FONTS) {
        for (const fontSize of DEV_SIZES) {
          const image = await decodeOcrImage(await renderTextPng([phrase], { font, fontSize }));
          reference += phrase.length;
          for (const spaceThreshold of candidates) {
            const { text } = await readTextInImage(image, runner, characters, { spaceThreshold });
            totals.set(spaceThreshold, (totals.get(spaceThreshold) ?? 0) + editDistance(text.replace(/\s+/g, ' '), phrase));
          }
        }
      }
    }
  } finally {
    await runner.release();
  }
  return Object.fromEntries([...totals].map(([c, d]) => [String(c), 1 - d / reference]));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(await tuneSpaceThreshold(), null, 2) + '\n');
}
