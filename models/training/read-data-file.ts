import { readFileSync } from 'node:fs';

/**
 * The text of a file of ../shared/data, or an error that names the dataset and the folder to
 * pass: `BABE dev split not found at <path> — pass the folder that holds babe/ (default ../shared/data)`.
 */
export function readDataFile(path: string, what: string, folder: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${what} not found at ${path} — pass the folder that holds ${folder}/ (default ../shared/data)`);
  }
}
