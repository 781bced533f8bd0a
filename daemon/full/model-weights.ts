import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { LoupeError } from '../../shared/protocol/errors';
import { DTYPE_SUFFIX, type FullDtype } from './full-types';

const SUFFIXES = Object.values(DTYPE_SUFFIX).filter(Boolean);

/** The ONNX graphs of a model by base name (`model`, `encoder_model`...), from its fp32 names or any dtype's. */
function baseNames(files: string[]): string[] {
  const names = files
    .filter((f) => f.endsWith('.onnx'))
    .map((f) => {
      const stem = f.slice(0, -'.onnx'.length);
      const suffix = SUFFIXES.find((s) => stem.endsWith(s));
      return suffix ? stem.slice(0, -suffix.length) : stem;
    });
  return [...new Set(names)];
}

export interface ModelWeights {
  dtype: FullDtype;
  sizeBytes: number;
}

/**
 * The dtype to load from `dir`: `preferred` when every graph has that file, else q8, else fp32
 * (e.g. distilbart has no fp16 export), and the bytes of those files.
 */
export async function pickModelWeights(dir: string, preferred: FullDtype): Promise<ModelWeights> {
  const onnxDir = path.join(dir, 'onnx');
  const files = await readdir(onnxDir).catch(() => [] as string[]);
  const bases = baseNames(files);
  if (bases.length === 0) {
    throw new LoupeError('model-missing', `No ONNX files in ${onnxDir} — run \`loupe models pull <model>\` again.`);
  }
  for (const dtype of [...new Set<FullDtype>([preferred, 'q8', 'fp32'])]) {
    const wanted = bases.map((b) => `${b}${DTYPE_SUFFIX[dtype]}.onnx`);
    if (!wanted.every((f) => files.includes(f))) continue;
    const sizes = await Promise.all(wanted.map(async (f) => (await stat(path.join(onnxDir, f))).size));
    return { dtype, sizeBytes: sizes.reduce((a, b) => a + b, 0) };
  }
  throw new LoupeError(
    'model-missing',
    `${onnxDir} has no complete ${preferred}, q8 or fp32 weights — run \`loupe models pull <model> --dtype q8\`.`,
  );
}
