/** CI's share of the mutation fuzzing (test/fuzz/fuzz.ts): 200 cases in this thread, a few of them built. */
import { describe, expect, it } from 'vitest';
import { runFuzz, summaryLine } from '../fuzz/fuzz.js';

describe('mutation fuzzing of the examples (small run)', () => {
  it('200 cases: 0 crashes, 0 hangs, 0 lost characters; every failure a diagnostic at line:column', async () => {
    // A hang here is an endless loop, not a slow case: on a loaded shared machine a case can take seconds.
    const s = await runFuzz({ cases: 200, seed: 7, buildEvery: 8, workers: 0, slowMs: 30_000 });
    const line = summaryLine(s, 7);
    expect(s.failures.map((f) => `case ${f.index} [${f.mutations.join(' ')}]: ${f.why.slice(0, 500)}`), line).toEqual([]);
    expect(s.cases).toBe(200);
    expect(s.crashes + s.hangs + s.lost).toBe(0);
    expect(s.loaded).toBeGreaterThan(5);
  });
});
