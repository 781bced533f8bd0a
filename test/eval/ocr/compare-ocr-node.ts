import Ocr from '@gutenye/ocr-node';
import { pathToFileURL } from 'node:url';
import { evaluateOcr, type OcrEvalReport } from './evaluate-ocr';
import { createOcrEngine } from '../../../daemon/ocr/create-ocr-engine';

/**
 * The model card's reference row: the same evaluation with `@gutenye/ocr-node` used as-is (same
 * PaddleOCR files, its own OpenCV-based processing) beside Loupe's engine. Prints nothing.
 */
export async function compareWithOcrNode(): Promise<OcrEvalReport> {
  const reference = await Ocr.create();
  const engine = createOcrEngine();
  try {
    return await evaluateOcr({
      readers: {
        'loupe-ocr': async (png) => (await engine.readText(png)).text,
        // detect() is typed for a path but hands its argument to sharp, which takes bytes too.
        'gutenye-ocr-node': async (png) =>
          (await reference.detect(Buffer.from(png) as unknown as string)).map((l: { text: string }) => l.text).join(' '),
      },
    });
  } finally {
    await engine.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(await compareWithOcrNode(), null, 2) + '\n');
}
