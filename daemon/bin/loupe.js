#!/usr/bin/env node
// Plain JavaScript on purpose: it must run on any Node to say which one Loupe needs.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`Loupe needs Node.js 22 or newer (found v${process.versions.node}). Install it from nodejs.org or with nvm, then run the command again.`);
  process.exit(1);
}

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../cli.ts');
const io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // A getter: touching process.stdin opens it, which only --jsonl needs.
  get stdin() {
    return process.stdin;
  },
};
process.exitCode = await main(process.argv.slice(2), io);
