// `npm run build:cli` (also run by postinstall, `npm start` and `npm test`).
import path from 'node:path';
import { buildCli } from './build-cli';
import { COMPILED_CLI_DIR, REPO_ROOT } from '../daemon/bin/check-compiled-cli';

const manifest = await buildCli();
console.log(`compiled the loupe CLI from ${manifest.inputs.length} source files into ${path.relative(REPO_ROOT, COMPILED_CLI_DIR)}/`);
