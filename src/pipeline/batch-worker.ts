/**
 * A worker thread of `bulletin build --jobs N` (src/pipeline/batch.ts): builds the files it is sent, one at a time,
 * and posts each result back. Fonts are parsed once per worker and reused for every file it builds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildIssue, type BuildOptions } from './build-issue.js';
import type { BatchReply, BatchRequest } from './batch.js';

const options = (workerData as { options: BuildOptions }).options;

parentPort!.on('message', async (req: BatchRequest) => {
  if (req.kind === 'stop') {
    parentPort!.close();
    return;
  }
  const started = performance.now();
  let reply: BatchReply;
  try {
    const result = await buildIssue(req.file, options);
    reply = { kind: 'done', index: req.index, result, ms: performance.now() - started };
  } catch (e) {
    reply = { kind: 'crash', index: req.index, message: e instanceof Error ? e.message : String(e), ms: performance.now() - started };
  }
  parentPort!.postMessage(reply);
});
