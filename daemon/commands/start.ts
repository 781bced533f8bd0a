import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs, type Command } from './command';
import { installPairingHelper } from './pair';
import { CHROME_BUILD_DIR, serveUntilStopped } from './serve';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function buildExtension(): Promise<void> {
  const wxt = path.join(REPO_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'wxt.cmd' : 'wxt');
  return new Promise((resolve, reject) => {
    const child = spawn(wxt, ['build'], { cwd: REPO_ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', (error) => reject(new Error(`Could not run ${wxt}: ${error.message}. Run \`npm install\` first.`)));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`\`wxt build\` failed (exit ${code}); fix the error above, then run \`npm start\` again.`)),
    );
  });
}

export const startCommand: Command = {
  name: 'start',
  summary: 'build the Chrome extension if needed, then serve',
  help: `Usage: loupe start

What \`npm start\` runs: builds the Chrome extension into .output/chrome-mv3 when it is not
built yet (wxt build), registers one-step pairing with your browsers (\`loupe pair --install\`),
then runs the daemon like \`loupe serve\`.`,
  async run(args, context) {
    parseCommandArgs('start', args, {}, 0);
    if (!existsSync(path.join(CHROME_BUILD_DIR, 'manifest.json'))) {
      context.io.stderr('Building the extension (first run)...\n');
      await buildExtension();
    }
    try {
      context.io.stdout(`${await installPairingHelper(context)}\n`);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      context.io.stderr(
        `Could not register one-step pairing (${why}). Paste the token into Loupe's Options instead, or retry with \`npx loupe pair --install\`.\n`,
      );
    }
    return serveUntilStopped(context);
  },
};
