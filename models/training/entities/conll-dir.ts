import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data/conll2003 next to the repository, where the workplace keeps CoNLL-2003. */
export const DEFAULT_CONLL_DIR = fileURLToPath(new URL('../../../../shared/data/conll2003', import.meta.url));

/** The CoNLL-2003 folder to read, checked to hold eng.train and eng.testa. */
export function conllDir(dataDir?: string): string {
  const dir = resolve(dataDir ?? DEFAULT_CONLL_DIR);
  for (const file of ['eng.train', 'eng.testa']) {
    if (!existsSync(join(dir, file))) {
      throw new Error(
        `CoNLL-2003 ${file} not found in ${dir} — pass the folder holding eng.train and eng.testa (see ../shared/data/README.md)`,
      );
    }
  }
  return dir;
}
