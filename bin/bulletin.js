#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script): dist/bundle/cli.mjs is the
// esbuild bundle (one file to load, which halves a cold start), dist/cli/index.js the plain tsc output. The bundle
// is used only while it is at least as new as the tsc output, so a bare `tsc` recompile never runs stale code.
import { statSync } from 'node:fs';

const mtime = (rel) => {
  try {
    return statSync(new URL(rel, import.meta.url)).mtimeMs;
  } catch {
    return -1;
  }
};
const bundle = mtime('../dist/bundle/cli.mjs');
const entry = bundle >= 0 && bundle >= mtime('../dist/cli/index.js') ? '../dist/bundle/cli.mjs' : '../dist/cli/index.js';
const { main } = await import(entry);

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Last resort: commands turn every expected failure into a diagnostic; this is for bugs only.
    process.stderr.write(`bulletin: 内部错误 (internal error): ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
