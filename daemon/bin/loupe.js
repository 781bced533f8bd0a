#!/usr/bin/env node
// Plain JavaScript on purpose: it must run on any Node to say which one Loupe needs.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `Loupe needs Node.js 22 or newer (found v${process.versions.node}). Install it from nodejs.org or with nvm, then run the command again.`,
  );
  process.exit(1);
}

// Node keeps the compiled code of every module in its temporary folder: later starts skip parsing.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();

const { main } = await loadCli();
const io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // A getter: touching process.stdin opens it, which only --jsonl needs.
  get stdin() {
    return process.stdin;
  },
};
process.exitCode = await main(process.argv.slice(2), io);

/**
 * The compiled CLI (dist/cli, built by `npm run build:cli`) when it was built from the sources
 * as they are now; otherwise the TypeScript sources, compiled on the fly by tsx (a slower start,
 * the same behaviour). LOUPE_FROM_SOURCE=1 always runs the sources.
 */
async function loadCli() {
  if (process.env.LOUPE_FROM_SOURCE !== '1') {
    const compiled = await checkCompiledCli();
    const cli = compiled.current ? await import(compiled.entry.href).catch(missingChunk) : undefined;
    if (cli) {
      debug('running the compiled CLI in dist/cli');
      return cli;
    }
    debug(
      `running the TypeScript sources through tsx: ${compiled.reason ?? 'a file of dist/cli is missing'} (\`npm run build:cli\` compiles them)`,
    );
  } else {
    debug('running the TypeScript sources through tsx: LOUPE_FROM_SOURCE=1');
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../cli.ts');
}

async function checkCompiledCli() {
  let check;
  try {
    ({ checkCompiledCli: check } = await import('../../dist/cli/check-compiled-cli.js'));
  } catch (error) {
    const missing = error?.code === 'ERR_MODULE_NOT_FOUND';
    return { current: false, reason: missing ? 'dist/cli is not built' : `dist/cli cannot be loaded (${error?.message ?? error})` };
  }
  return check();
}

/** A half-deleted dist/cli is no reason to fail: the sources are still there. */
function missingChunk(error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND') return undefined;
  throw error;
}

function debug(line) {
  if (process.env.LOUPE_LOG === 'debug') process.stderr.write(`[loupe] debug: ${line}\n`);
}
