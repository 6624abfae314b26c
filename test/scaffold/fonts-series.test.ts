/** `bulletin fonts` without an issue: the series file the folder uses decides the configured fonts. */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { standInFile } from '../../src/fonts/roles.js';
import { fontsReport, seriesFonts } from '../../src/report/fonts-report.js';
import { capture } from '../fixtures/capture.js';
import { repoRoot, tempFiles } from '../fixtures/tmp.js';
import { run } from './run.js';

const SERIES = readFileSync(path.join(repoRoot, 'test/fixtures/gusu.series.yaml'), 'utf8');


afterEach(() => vi.restoreAllMocks());

/** A series folder whose body font is a file named by a relative path (a copy of the heading stand-in). */
function seriesWithBodyFont(extra = ''): string {
  const dir = tempFiles({ 'bulletin.series.yaml': `${SERIES.replace(/^fonts:.*$/m, '')}\nfonts: { body: [my/body.ttf] }\n${extra}` });
  mkdirSync(path.join(dir, 'my'));
  copyFileSync(standInFile('heading'), path.join(dir, 'my', 'body.ttf'));
  mkdirSync(path.join(dir, 'sub'));
  return dir;
}

describe('bulletin fonts without an issue', () => {
  it("uses the series file's fonts (found from the working folder, or named): the body is the configured file", async () => {
    const dir = seriesWithBodyFont();
    const bodyLine = (out: string) => out.split('\n').findIndex((l) => l.startsWith('正文（body）'));
    for (const [arg, cwd] of [[undefined, path.join(dir, 'sub')], ['bulletin.series.yaml', dir], [path.join(dir, 'bulletin.series.yaml'), repoRoot]] as const) {
      const r = await capture(() => fontsReport(arg, 'zh', cwd));
      expect(r.code, String(arg)).toBe(0);
      const lines = r.out.split('\n');
      const i = bodyLine(r.out);
      expect(lines[i]).toContain('[配置的字体]');
      expect(lines[i + 1]!.trim()).toBe(path.join(dir, 'my', 'body.ttf'));
    }
    // Without the series file, the same folder reports the stand-in.
    const bare = tempFiles({ 'x.txt': '' });
    const r = await capture(() => fontsReport(undefined, 'zh', bare));
    expect(r.out.split('\n')[bodyLine(r.out)]).toContain('[替代字体]');
  });

  it('an invalid series file is reported like check does, exit 1, nothing listed', async () => {
    const dir = seriesWithBodyFont('printCount: lots\n');
    const r = await capture(() => fontsReport(undefined, 'en', dir));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bulletin\.series\.yaml:\d+:\d+ {2}error {2}.*printCount/);
    expect(r.err).toContain('bulletin fonts: the series file');
    expect(r.out).toBe('');
  });

  it('seriesFonts: a role that is set replaces its defaults, the others keep theirs; fontPaths as written', () => {
    const s = seriesFonts({ fonts: { body: 'a.ttf', kai: ['楷体', 'k.ttf'] }, fontPaths: ['../shared'] });
    expect(s.fonts.body).toEqual(['a.ttf']);
    expect(s.fonts.kai).toEqual(['楷体', 'k.ttf']);
    expect(s.fonts.number).toEqual(['宋体', 'SimSun']);
    expect(s.fontPaths).toEqual(['../shared']);
  });

  it('the zh and en help name all five official faces, 宋体 included', async () => {
    for (const args of [['fonts', '--help'], ['--lang', 'en', 'fonts', '--help']]) {
      const r = await run(...args);
      for (const face of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312', '宋体']) expect(r.out, `${args.join(' ')} ${face}`).toContain(face);
    }
  });
});

