import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, root } from '../build-batch/helpers.js';

// Not a timed test: it checks that `npm run bench` runs and writes every field, with the smallest counts. The
// Typst anchor is a fake one from test/fixtures (the real one lives outside the repository); without any anchor
// the Typst columns print "—".
const bench = (dir: string, anchor: string) => {
  const out = path.join(dir, 'results.json');
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'test/bench/run.mjs'), '--runs', '1', '--quick', '--no-build', '--batch', '2', '--anchor', anchor, '--out', out],
    { cwd: root, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  return { stdout: r.stdout, j: JSON.parse(readFileSync(out, 'utf8')) };
};
const target = (j: { targets: { name: string; value: number | null; met: boolean | null }[] }, name: string) =>
  j.targets.find((t) => t.name.startsWith(name));

describe('test/bench/run.mjs', () => {
  beforeAll(() => ensureDist());

  it('runs with --runs 1 --quick against an anchor and writes the ratios', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-bench-test-'));
    try {
      const { stdout, j } = bench(dir, path.join(root, 'test/fixtures/bench/fake-typst-anchor.cjs'));
      expect(stdout).toMatch(/\| measure \| median \|/);
      for (const key of ['baselines', 'coldBuild', 'coldCheck', 'firstBuildEmptyCache', 'warmRebuild', 'batch', 'synthetic', 'layout', 'layoutLinear', 'peakMemoryMB', 'referencePdfBytes', 'targets']) {
        expect(j, key).toHaveProperty(key);
      }
      for (const s of [j.baselines.nodeEmpty, j.baselines.typstCold, j.baselines.typstWarm, j.coldBuild, j.coldCheck, j.warmRebuild, j.batch, j.synthetic]) {
        expect(s.median).toBeGreaterThan(0);
        expect(s.min).toBeLessThanOrEqual(s.max);
      }
      expect(j.layout.length).toBeGreaterThanOrEqual(2);
      expect(j.referencePdfBytes).toBeGreaterThan(10_000);
      expect(j.peakMemoryMB.max).toBeGreaterThan(0);
      const cold = target(j, 'cold build ÷ Typst cold');
      expect(cold?.value).toBeCloseTo(j.coldBuild.median / j.baselines.typstCold.median, 6);
      expect(target(j, 'warm rebuild ÷ Typst warm')?.value).toBeGreaterThan(0);
      expect(target(j, 'batch of 2 ÷ one cold build')?.value).toBeCloseTo(j.batch.median / j.coldBuild.median, 6);
      expect(stdout).toMatch(/cold build ÷ Typst cold \| \d+\.\d\d \| 1 \| (yes|NO) \|/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('prints "—" in the Typst columns when there is no anchor', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-bench-test-'));
    try {
      const { stdout, j } = bench(dir, path.join(dir, 'no-such-anchor.js'));
      expect(j.baselines.typstCold).toBeNull();
      expect(j.baselines.typstWarm).toBeNull();
      expect(target(j, 'cold build ÷ Typst cold')).toMatchObject({ value: null, met: null });
      expect(stdout).toMatch(/\| cold build ÷ Typst cold \| — \| 1 \| — \|/);
      expect(stdout).toMatch(/\| Typst cold compile \(anchor, whole process\) \| — \|/);
      expect(j.coldBuild.median).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
