/**
 * One file built and timed, with a crash (an internal error: a bug) caught and kept as its message, so one bad
 * file never takes the others down: what `build` runs for each file, in this thread or in a worker.
 */
import { buildIssue, type BuildOptions, type BuildResult } from './build-issue.js';

export type TimedBuild = { result: BuildResult; ms: number } | { crash: string; ms: number };

export async function timedBuild(file: string, options: BuildOptions): Promise<TimedBuild> {
  const started = performance.now();
  try {
    const result = await buildIssue(file, options);
    return { result, ms: performance.now() - started };
  } catch (e) {
    return { crash: e instanceof Error ? e.message : String(e), ms: performance.now() - started };
  }
}
