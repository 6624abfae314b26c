import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, root } from '../build-batch/helpers.js';

// Not a timed test: it checks that `npm run bench` runs and writes every field, with the smallest counts.
describe('bench/run.mjs', () => {
  beforeAll(() => ensureDist());

  it('runs with --runs 1 --quick and writes the JSON fields', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-bench-test-'));
    try {
      const out = path.join(dir, 'results.json');
      const r = spawnSync(process.execPath, [path.join(root, 'bench/run.mjs'), '--runs', '1', '--quick', '--no-build', '--batch', '2', '--out', out], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/\| measure \| median \|/);
      const j = JSON.parse(readFileSync(out, 'utf8'));
      for (const key of ['baselines', 'coldBuild', 'coldCheck', 'warmRebuild', 'batch', 'synthetic', 'layout', 'layoutLinear', 'peakMemoryMB', 'referencePdfBytes', 'targets']) {
        expect(j, key).toHaveProperty(key);
      }
      for (const s of [j.baselines.nodeEmpty, j.baselines.pdfkitText, j.coldBuild, j.warmRebuild, j.batch, j.synthetic]) {
        expect(s.median).toBeGreaterThan(0);
        expect(s.min).toBeLessThanOrEqual(s.max);
      }
      expect(j.layout.length).toBeGreaterThanOrEqual(2);
      expect(j.referencePdfBytes).toBeGreaterThan(10_000);
      expect(j.peakMemoryMB.max).toBeGreaterThan(0);
      expect(j.targets.map((t: { name: string }) => t.name)).toContain('warm rebuild (median, ms)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
