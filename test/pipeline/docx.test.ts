/**
 * `bulletin build --docx`: the .docx beside the PDF (and beside -o's PDF), for every file of a folder and on every
 * rebuild of --watch; -o never names the .docx; a failed build writes neither file.
 */
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/capture.js';
import { tempDir } from '../fixtures/tmp.js';
import { watchIssue } from '../../src/pipeline/watch.js';
import type { BuildResult } from '../../src/pipeline/build-issue.js';
import { readDocx } from '../docx/read-docx.js';
import { examples, reference } from './helpers.js';

const env = { SOURCE_DATE_EPOCH: '' };

describe('bulletin build --docx', () => {
  it('writes ISSUE.docx beside ISSUE.pdf and names both on the ✓ line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'gusu-022.yaml');
    copyFileSync(reference, file);
    const r = await runCli('--lang', 'en', 'build', file, '--docx');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✓ .*gusu-022\.yaml → .*gusu-022\.pdf, .*gusu-022\.docx \(9 pages/);
    const docx = readDocx(readFileSync(path.join(dir, 'gusu-022.docx')));
    expect(docx.part('word/document.xml')).toContain('我区深化先锋聚力');
    expect(docx.part('docProps/core.xml')).toContain('<dc:title>姑苏信息 第 22 期</dc:title>');
  });

  it('puts the .docx beside the PDF that -o names, and refuses an -o that names a .docx', async () => {
    const dir = tempDir();
    const r = await runCli('build', reference, '-o', path.join(dir, '第22期.pdf'), '--docx');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['第22期.docx', '第22期.pdf']);
    const bad = await runCli('--lang', 'en', 'build', reference, '-o', path.join(dir, 'x.docx'), '--docx');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/-o names the PDF; the \.docx goes beside it.*x\.pdf/);
    expect(existsSync(path.join(dir, 'x.docx'))).toBe(false);
  });

  it('builds a .docx for every issue of a folder, and none without --docx', async () => {
    const dir = tempDir();
    cpSync(path.join(examples, 'demo'), dir, { recursive: true });
    const issues = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('bulletin.series'));
    expect(issues.length).toBeGreaterThan(1);
    expect((await runCli('build', dir)).code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.docx'))).toEqual([]);
    expect((await runCli('build', dir, '--docx', '--jobs', '1')).code).toBe(0);
    for (const f of issues) expect(existsSync(path.join(dir, f.replace(/\.ya?ml$/, '.docx'))), f).toBe(true);
  });

  it('writes neither file when the build fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'gusu-022.yaml');
    writeFileSync(file, readFileSync(reference, 'utf8').replace('区发改局推动金融服务', '区发改局推动😀金融服务'));
    expect((await runCli('build', file, '--docx')).code).toBe(1);
    expect(readdirSync(dir)).toEqual(['gusu-022.yaml']);
  });

  it('--watch writes the .docx on every rebuild, byte-identical when nothing changed', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'gusu-022.yaml');
    copyFileSync(reference, file);
    const builds: BuildResult[] = [];
    const w = watchIssue(file, { docx: true, env, debounceMs: 30, onBuild: (r) => builds.push(r) });
    try {
      await w.ready;
      expect(builds[0]?.docx).toBe(path.join(dir, 'gusu-022.docx'));
      const first = readFileSync(builds[0]!.docx!);
      const later = new Date(Date.now() + 2000);
      utimesSync(file, later, later);
      writeFileSync(file, readFileSync(file, 'utf8') + '\n');
      for (let i = 0; i < 200 && builds.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect(builds[1]?.ok, JSON.stringify(builds[1]?.diagnostics)).toBe(true);
      expect(readFileSync(builds[1]!.docx!).equals(first)).toBe(true);
    } finally {
      w.close();
    }
  });
});
