/** What users of an extension can do about a bad bundled file (not retrain: that is the developers' fix). */
export const REBUILD_FIX = 'reinstall or rebuild the extension (npm run build)';
