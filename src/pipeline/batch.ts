/**
 * Builds many issue files on worker threads (`bulletin build --jobs N`). Each worker loads the code and parses
 * the fonts once, then takes the next file as soon as it is free; results come back in completion order, and
 * a file that fails (or crashes its build) never stops the others.
 *
 * Workers need compiled JavaScript: from the bundle (dist/bundle/batch-worker.mjs) or the tsc output
 * (dist/build/batch-worker.js). Run from TypeScript sources (vitest), the files are built in this thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildOptions, BuildResult } from './build-issue.js';
import { timedBuild } from './timed-build.js';

export type BatchRequest = { kind: 'build'; index: number; file: string } | { kind: 'stop' };
export type BatchReply =
  | { kind: 'done'; index: number; result: BuildResult; ms: number }
  | { kind: 'crash'; index: number; message: string; ms: number };

/** One file's outcome: its result, or the message of an internal error that ended its build. */
export interface BatchItem {
  index: number;
  file: string;
  ms: number;
  result?: BuildResult;
  crash?: string;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** The worker script beside this module, or null when running from sources. */
export function workerScript(): URL | null {
  const here = import.meta.url;
  // The CommonJS bundle (cli.cjs) starts the ESM bundle's worker beside it.
  const candidates = /\.[cm]js$/.test(here) ? ['./batch-worker.mjs'] : here.endsWith('.js') ? ['./batch-worker.js'] : [];
  for (const rel of candidates) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/**
 * Builds `files` with up to `jobs` threads, calling `onItem` as each one finishes. With one job, one file, or no
 * compiled worker script, the files are built in this thread (a worker costs a second module load and font parse).
 */
export async function buildBatch(files: string[], options: BuildOptions, jobs: number, onItem: (item: BatchItem) => void): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  const script = workerScript();
  const threads = Math.min(Math.max(1, Math.floor(jobs)), files.length);
  if (threads <= 1 || !script) {
    for (let index = 0; index < files.length; index++) {
      const item: BatchItem = { index, file: files[index]!, ...(await timedBuild(files[index]!, options)) };
      items.push(item);
      onItem(item);
    }
    return items;
  }

  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(script, { workerData: { options: { ...options, env: undefined } } });
      return new Promise<void>((resolve) => {
        let current: number | undefined;
        const feed = () => {
          if (next < files.length) {
            current = next++;
            worker.postMessage({ kind: 'build', index: current, file: files[current]! } satisfies BatchRequest);
          } else {
            current = undefined;
            worker.postMessage({ kind: 'stop' } satisfies BatchRequest);
          }
        };
        const settle = (item: BatchItem) => {
          items.push(item);
          onItem(item);
        };
        worker.on('message', (reply: BatchReply) => {
          const file = files[reply.index]!;
          settle(reply.kind === 'done' ? { index: reply.index, file, result: reply.result, ms: reply.ms } : { index: reply.index, file, crash: reply.message, ms: reply.ms });
          feed();
        });
        worker.on('error', (e) => {
          // The thread died (out of memory, a bug outside buildIssue): its file fails, the others go on elsewhere.
          if (current !== undefined) settle({ index: current, file: files[current]!, crash: e instanceof Error ? e.message : String(e), ms: 0 });
          current = undefined;
        });
        worker.on('exit', () => resolve());
        feed();
      });
    }),
  );
  // A dead worker may leave files never started; build them here.
  const done = new Set(items.map((i) => i.index));
  for (let index = 0; index < files.length; index++) {
    if (done.has(index)) continue;
    const item: BatchItem = { index, file: files[index]!, ...(await timedBuild(files[index]!, options)) };
    items.push(item);
    onItem(item);
  }
  return items.sort((a, b) => a.index - b.index);
}
