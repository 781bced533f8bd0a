import { fileURLToPath } from 'node:url';

/** Where the committed lite bias model lives. */
export const BIAS_MODEL_DIR = fileURLToPath(new URL('../../lite/bias/', import.meta.url));
/** The shared data folder (BABE, clickbait, Wikigold, WikiWeasel) beside the project. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../../shared/data', import.meta.url));
