import { LoupeError } from '../../shared/protocol/errors';

const FIX = 'reinstall or rebuild the extension (npm run build)';

/**
 * Fetches a model file. A file missing from the extension shows up as a network error (Chrome)
 * or a 404 (Firefox, loopback servers); both become `model-missing` naming the fix.
 */
export async function loadModelBytes(url: string, fetchFn: typeof fetch = fetch): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    throw new LoupeError('model-missing', `The model file ${url} is missing from the extension: ${FIX}.`, { cause: error });
  }
  if (!response.ok) {
    throw new LoupeError('model-missing', `The model file ${url} could not be read (HTTP ${response.status}): ${FIX}.`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length === 0) throw new LoupeError('model-corrupt', `The model file ${url} is empty: ${FIX}.`);
  return bytes;
}
