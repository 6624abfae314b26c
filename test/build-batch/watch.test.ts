import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/pipeline/build-issue.js';
import { watchIssue } from '../../src/pipeline/watch.js';
import { issuesDir, root } from './helpers.js';

const NOTO_SANS = path.join(root, 'node_modules/@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function waitFor<T>(get: () => T | undefined, ms = 45_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const v = get();
      if (v !== undefined) return resolve(v);
      if (Date.now() - started > ms) return reject(new Error('timed out'));
      setTimeout(tick, 25);
    };
    tick();
  });
}

describe('build --watch', () => {
  it('rebuilds when the issue or the series file changes; a failed rebuild keeps the last good PDF', async () => {
    const { dir, files } = issuesDir(1);
    dirs.push(dir);
    const file = files[0]!;
    const pdf = file.replace(/yaml$/, 'pdf');
    const builds: { r: BuildResult; ms: number; reason: string | null }[] = [];
    const w = watchIssue(file, { debounceMs: 30, onBuild: (r, ms, reason) => builds.push({ r, ms, reason }) });
    try {
      await w.ready;
      expect(builds).toHaveLength(1);
      expect(builds[0]!.r.ok).toBe(true);
      expect(w.files()).toContain(path.join(dir, 'bulletin.series.yaml'));

      // Touch the issue: one rebuild.
      const later = new Date(Date.now() + 2000);
      utimesSync(file, later, later);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^number: \d+/m, 'number: 7'));
      const second = await waitFor(() => builds[1]);
      expect(second.r.ok).toBe(true);
      expect(second.reason).toMatch(/issue-1\.yaml/);
      expect(second.ms).toBeGreaterThan(0);
      const goodSize = statSync(pdf).size;
      const goodTime = statSync(pdf).mtimeMs;

      // The series file changes: another rebuild.
      const series = path.join(dir, 'bulletin.series.yaml');
      writeFileSync(series, readFileSync(series, 'utf8') + '\n');
      const third = await waitFor(() => builds.find((b, i) => i >= 2 && /bulletin\.series\.yaml/.test(b.reason ?? '')));
      expect(third.r.ok).toBe(true);

      // A broken issue: the rebuild fails with findings and the last PDF stays.
      const n = builds.length;
      writeFileSync(file, readFileSync(file, 'utf8') + '\nnumber: [\n');
      const broken = await waitFor(() => builds.slice(n).find((b) => !b.r.ok));
      expect(broken.r.diagnostics.length).toBeGreaterThan(0);
      expect(statSync(pdf).size).toBe(goodSize);
      expect(statSync(pdf).mtimeMs).toBeGreaterThanOrEqual(goodTime);
    } finally {
      w.close();
    }
  });
});

describe('build --watch keeps watching (issue 11, item 3)', () => {
  it('the series file after it broke once: mending it rebuilds without touching the issue', async () => {
    const { dir, files } = issuesDir(1);
    dirs.push(dir);
    const series = path.join(dir, 'bulletin.series.yaml');
    const good = readFileSync(series, 'utf8');
    const builds: BuildResult[] = [];
    const w = watchIssue(files[0]!, { debounceMs: 30, onBuild: (r) => builds.push(r) });
    try {
      await w.ready;
      expect(builds[0]!.ok).toBe(true);
      writeFileSync(series, good + 'name: [\n');
      await waitFor(() => builds.slice(1).find((b) => !b.ok));
      expect(w.files()).toContain(series);
      const n = builds.length;
      writeFileSync(series, good);
      const mended = await waitFor(() => builds.slice(n).find((b) => b.ok));
      expect(mended.ok).toBe(true);
    } finally {
      w.close();
    }
  });

  it('a fonts/ folder made after the watch started: a font dropped in it is used by the next build', async () => {
    const { dir, files } = issuesDir(1);
    dirs.push(dir);
    const builds: BuildResult[] = [];
    const w = watchIssue(files[0]!, { debounceMs: 30, onBuild: (r) => builds.push(r) });
    try {
      await w.ready;
      expect(builds[0]!.fonts!.find((f) => f.role === 'body')!.standIn).toBe(true);
      mkdirSync(path.join(dir, 'fonts'));
      const font = path.join(dir, 'fonts', 'simfang.ttf');
      // Written aside and renamed in, as a copy into the folder would end.
      copyFileSync(NOTO_SANS, path.join(dir, 'fonts', 'x.tmp'));
      renameSync(path.join(dir, 'fonts', 'x.tmp'), font);
      const withFont = await waitFor(() => builds.slice(1).find((b) => b.fonts?.find((f) => f.role === 'body')?.file === font));
      expect(withFont.ok).toBe(true);
    } finally {
      w.close();
    }
  });
});

describe('build --watch and the files an issue names', () => {
  it('a CSV table: a broken CSV fails the build, mending it rebuilds; the CSV is not taken for a font', async () => {
    const { dir, files } = issuesDir(1);
    dirs.push(dir);
    const file = files[0]!;
    const csv = path.join(dir, 'data.csv');
    const good = '单位,进展\n平江街道,已完成\n';
    writeFileSync(csv, good);
    // The first item's body becomes a list: its paragraph, then a table read from the CSV.
    const text = readFileSync(file, 'utf8').replace(/^ {8}body: \|\n {10}(.+)\n/m, '        body:\n          - |\n            $1\n          - table: {csv: data.csv}\n');
    expect(text).toContain('table: {csv: data.csv}');
    writeFileSync(file, text);
    const builds: BuildResult[] = [];
    const w = watchIssue(file, { debounceMs: 30, onBuild: (r) => builds.push(r) });
    try {
      await w.ready;
      expect(builds[0]!.ok).toBe(true);
      expect(w.files()).toContain(csv);

      // A row with a cell too many: the rebuild fails at the CSV's line.
      writeFileSync(csv, good + '金阊街道,已完成,多余\n');
      const broken = await waitFor(() => builds.find((b) => !b.ok));
      expect(broken.diagnostics.find((d) => d.rule === 'table-cells')?.file).toBe(csv);
      // Mended: built again.
      const n = builds.length;
      writeFileSync(csv, good);
      const mended = await waitFor(() => builds.slice(n).find((b) => b.ok));
      expect(mended.ok).toBe(true);
    } finally {
      w.close();
    }
  });
});
