#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script; `npm pack` ships dist/bundle/ only):
// dist/bundle/cli.mjs is the esbuild bundle (one file to load, which halves a cold start), dist/cli/index.js the plain
// tsc output. The bundle is used only while it is at least as new as the tsc output, so a bare `tsc` recompile never
// runs stale code.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

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

const bundle = mtime('../dist/bundle/cli.mjs');

/**
 * The bundle as one CommonJS file run through V8's code cache (dist/bundle/loader.cjs, from src/cache/code-cache.ts):
 * a cold start then skips compiling it. One cache entry per kind of command, since each compiles other functions.
 * Any trouble loading it (an older build without it) falls back to the ES module bundle, which runs the same code.
 */
/**
 * Once the command is done and nothing is pending (no timers, sockets, requests or unwritten output: only the
 * standard streams remain), exit at once: Node would otherwise wait for V8's background work (concurrent GC,
 * optimising compiles) to finish, idle tens of milliseconds of a short command on a busy machine. The exit code and
 * 'exit' handlers are the same; anything still pending (a watcher, a pipe write Windows has not finished) means the
 * ordinary ending.
 */
function exitWhenIdle() {
  const stdio = new Set(['TTYWrap', 'PipeWrap']);
  if (process.stdout.writableLength > 0 || process.stderr.writableLength > 0) return;
  if (!process.getActiveResourcesInfo().every((r) => stdio.has(r))) return;
  process.exit();
}

async function cachedBundle() {
  const cjs = new URL('../dist/bundle/cli.cjs', import.meta.url);
  if (mtime('../dist/bundle/cli.cjs') < bundle) return null;
  try {
    const { requireCached } = createRequire(import.meta.url)('../dist/bundle/loader.cjs');
    const command = process.argv[2];
    const kind = ['build', 'check'].includes(command) ? command : 'other';
    const loaded = requireCached(fileURLToPath(cjs), kind);
    return typeof loaded.exports.main === 'function' ? loaded : null;
  } catch {
    return null;
  }
}
const compiled = mtime('../dist/cli/index.js');

if (bundle < 0 && compiled < 0) {
  // Not built: a git dependency installed with --ignore-scripts (or under a policy that keeps npm from running
  // bulletin's prepare script), or a checkout before `npm ci`. Say which and what to do; exit 2 as for a missing file.
  const pkg = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
  const checkout = mtime('../tsconfig.build.json') >= 0;
  process.stderr.write(
    checkout
      ? `bulletin：${pkg} 还没有构建（缺少 dist/）：请在该文件夹中运行 npm ci（或 npm run build）\n` +
          `bulletin: ${pkg} is not built (no dist/): run npm ci (or npm run build) in that folder\n`
      : `bulletin：安装不完整：${pkg} 中没有 dist/。从 git 安装时，dist/ 由 npm 运行 bulletin 的 prepare 脚本生成，` +
          `用了 --ignore-scripts 或安装脚本未获允许时不会生成：请不带 --ignore-scripts 重新安装，` +
          `或改为安装 npm pack 生成的 .tgz 文件（其中已有 dist/）\n` +
          `bulletin: incomplete installation: ${pkg} has no dist/. Installed from git, dist/ is built by npm running ` +
          `bulletin's prepare script, which does not run with --ignore-scripts or when install scripts are not allowed: ` +
          `reinstall without --ignore-scripts, or install the .tgz made by npm pack (it holds dist/)\n`,
  );
  process.exitCode = 2;
} else {
  try {
    const useBundle = bundle >= 0 && bundle >= compiled;
    const cached = useBundle ? await cachedBundle() : null;
    const { main } = cached ? cached.exports : await import(useBundle ? '../dist/bundle/cli.mjs' : '../dist/cli/index.js');
    // main() turns every failure into a message and an exit code: 0, 1 (findings), 2 (usage, I/O), 70 (a bug).
    process.exitCode = await main(process.argv);
    cached?.save();
    exitWhenIdle();
  } catch (err) {
    // Last resort, for a half-built installation or a bug outside main().
    const detail = String(err && err.message ? err.message : err).split('\n')[0];
    process.stderr.write(
      `bulletin：内部错误：${detail}。请重新安装（npm ci）；仍然出错时请把这一行报告给维护者\n` +
        `bulletin: internal error: ${detail}. Reinstall (npm ci); if it persists, please report this line\n`,
    );
    process.exitCode = 70;
  }
}
