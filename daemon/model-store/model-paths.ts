import path from 'node:path';

/** `<cacheDir>/models`: what transformers.js gets as `env.localModelPath`. */
export function modelsRoot(cacheDir: string): string {
  return path.join(cacheDir, 'models');
}

/** `<cacheDir>/models/<owner>/<name>`: every revision of one repository. */
export function repoDir(cacheDir: string, repo: string): string {
  return path.join(modelsRoot(cacheDir), ...repo.split('/'));
}

/** `<cacheDir>/models/<owner>/<name>/<revision>`: one pinned revision, in the repository's own layout. */
export function revisionDir(cacheDir: string, repo: string, revision: string): string {
  return path.join(repoDir(cacheDir, repo), revision);
}

/** Absolute path of a catalogue file path (always `/`-separated) inside `dir`. */
export function filePath(dir: string, relative: string): string {
  return path.join(dir, ...relative.split('/'));
}

/** Bytes in flight live beside the final file until their digest is checked. */
export function partialPath(file: string): string {
  return `${file}.partial`;
}

export function manifestPath(dir: string): string {
  return path.join(dir, '.loupe-manifest.json');
}

export function lockPath(cacheDir: string, repo: string): string {
  return path.join(repoDir(cacheDir, repo), '.pull.lock');
}
