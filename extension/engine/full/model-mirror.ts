import { z } from 'zod';
import type { KeyValueArea } from '../../lib/settings';

export const DEFAULT_MODEL_MIRROR = 'https://huggingface.co';
export const MODEL_MIRROR_KEY = 'modelMirror';

/**
 * Hosts the extension's CSP lets pages connect to for model files (wxt.config.ts hooks add them):
 * the Hub and the CDNs its `resolve` URLs redirect to. Local mirrors live on loopback.
 */
export const MODEL_HUB_CONNECT_SRC = ['https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co'];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isAllowedMirror(url: URL): boolean {
  if (url.search !== '' || url.hash !== '') return false;
  if (url.protocol === 'https:' && (url.hostname === 'huggingface.co' || /\.(huggingface\.co|hf\.co)$/u.test(url.hostname))) return true;
  return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname);
}

/** A base URL serving `/<repo>/resolve/<revision>/<file>` like the Hub: the Hub itself, or a mirror on this machine. */
export const ModelMirrorSchema = z
  .string()
  .trim()
  .refine(
    (value) => URL.canParse(value) && isAllowedMirror(new URL(value)),
    'the model mirror is https://huggingface.co or a mirror on this machine, such as http://127.0.0.1:8080',
  )
  .transform((value) => value.replace(/\/+$/, ''));

/** The mirror models download from (the Hub unless Options names a local one). */
export async function loadModelMirror(area: KeyValueArea): Promise<string> {
  const parsed = ModelMirrorSchema.safeParse((await area.get(MODEL_MIRROR_KEY))[MODEL_MIRROR_KEY]);
  return parsed.success ? parsed.data : DEFAULT_MODEL_MIRROR;
}

/** Saves the mirror; throws naming the expected form when it is not an http(s) address. */
export async function saveModelMirror(area: KeyValueArea, mirror: string): Promise<string> {
  const parsed = ModelMirrorSchema.safeParse(mirror);
  if (!parsed.success) throw new Error(`Mirror not saved: ${parsed.error.issues[0]?.message ?? 'invalid address'}`);
  await area.set({ [MODEL_MIRROR_KEY]: parsed.data });
  return parsed.data;
}
