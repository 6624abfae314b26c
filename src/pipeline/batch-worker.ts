/**
 * A worker thread of `bulletin build --jobs N` (src/pipeline/batch.ts): builds the files it is sent, one at a time,
 * and posts each result back. Fonts are parsed once per worker and reused for every file it builds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BuildOptions } from './build-issue.js';
import { timedBuild } from './timed-build.js';
import type { BatchReply, BatchRequest } from './batch.js';

const options = (workerData as { options: BuildOptions }).options;

parentPort!.on('message', async (req: BatchRequest) => {
  if (req.kind === 'stop') {
    parentPort!.close();
    return;
  }
  const built = await timedBuild(req.file, options);
  const reply: BatchReply = 'result' in built ? { kind: 'done', index: req.index, ...built } : { kind: 'crash', index: req.index, message: built.crash, ms: built.ms };
  parentPort!.postMessage(reply);
});
