import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../e2e/helpers/paths';

/**
 * The unpacked Chrome test package of the extension as it was at `commit`, built once in a git
 * worktree under node_modules/.cache (sharing this checkout's node_modules): so a bench can
 * measure the code before a change in the same run, on the same machine, as the code after it.
 * It stays there for the next run; `git worktree remove --force <that folder>` removes it.
 */
export function beforeBuild(commit: string): { dir: string; commit: string } {
  const full = execFileSync('git', ['rev-parse', '--verify', `${commit}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const tree = join(ROOT, 'node_modules/.cache/loupe-bench', full);
  // Commits from before test builds existed ship their hooks in every build: `--mode test` fits both.
  const dir = join(tree, '.output/chrome-mv3-test');
  if (existsSync(join(dir, 'manifest.json'))) return { dir, commit: full };
  if (!existsSync(tree)) execFileSync('git', ['worktree', 'add', '--detach', tree, full], { cwd: ROOT, stdio: 'ignore' });
  if (!existsSync(join(tree, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  console.log(`[bench] building the extension at ${full.slice(0, 9)} (wxt build --mode test)...`);
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build', '--mode', 'test'], { cwd: tree, stdio: 'ignore' });
  return { dir, commit: full };
}
