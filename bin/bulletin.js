#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { main } from '../dist/cli/index.js';

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
