import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CatalogueSchema, type Catalogue } from '../../shared/models/catalogue-schema';
import { validate } from '../../shared/protocol/validate';

/** models/catalogue.json in this checkout. */
export const DEFAULT_CATALOGUE_FILE = fileURLToPath(new URL('../../models/catalogue.json', import.meta.url));

/** Reads and validates the model catalogue; a broken catalogue is a bug, reported with its path. */
export function loadCatalogue(file: string = DEFAULT_CATALOGUE_FILE): Catalogue {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the model catalogue ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = validate(CatalogueSchema, raw);
  if (!parsed.ok) throw new Error(`The model catalogue ${file} is invalid: ${parsed.error}`);
  return parsed.value;
}
