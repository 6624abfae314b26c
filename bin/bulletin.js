#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script): dist/bundle/cli.mjs is the
// esbuild bundle (one file to load, which halves a cold start), dist/cli/index.js the plain tsc output. The bundle
// is used only while it is at least as new as the tsc output, so a bare `tsc` recompile never runs stale code.
import { statSync } from 'node:fs';

// `bulletin check … | head`: once the reader has gone, the rest of the output is dropped quietly and the command
// still ends with its own exit code (no EPIPE stack trace).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') stream.write = () => true;
  });
}

const mtime = (rel) => {
  try {
    return statSync(new URL(rel, import.meta.url)).mtimeMs;
  } catch {
    return -1;
  }
};

try {
  const bundle = mtime('../dist/bundle/cli.mjs');
  const entry = bundle >= 0 && bundle >= mtime('../dist/cli/index.js') ? '../dist/bundle/cli.mjs' : '../dist/cli/index.js';
  const { main } = await import(entry);
  // main() turns every failure into a message and an exit code: 0, 1 (findings), 2 (usage, I/O), 70 (a bug).
  process.exitCode = await main(process.argv);
} catch (err) {
  // Last resort, for a broken installation (dist/ missing or half-built) or a bug outside main().
  const detail = String(err && err.message ? err.message : err).split('\n')[0];
  process.stderr.write(
    `bulletin：内部错误：${detail}。请重新安装（npm ci）；仍然出错时请把这一行报告给维护者\n` +
      `bulletin: internal error: ${detail}. Reinstall (npm ci); if it persists, please report this line\n`,
  );
  process.exitCode = 70;
}
