/** What `check` and `build` take from the command line: files as given, folders as their issue files. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, isSeriesFileName } from '../../src/issue/inputs.js';
import { isSeriesFile } from '../../src/issue/load.js';
import { MINIMAL, repoRoot, tempDir, tempFiles } from '../fixtures/tmp.js';
import { run } from '../scaffold/run.js';

const SERIES = readFileSync(path.join(repoRoot, 'test/fixtures/gusu.series.yaml'), 'utf8');

describe('isSeriesFileName', () => {
  it('knows bulletin.series.yaml and *.series.yaml / *.series.yml, and nothing else', () => {
    for (const f of ['bulletin.series.yaml', '/a/b/bulletin.series.yaml', 'gusu.series.yaml', 'x/pj.series.yml', 'A.SERIES.YAML']) {
      expect(isSeriesFileName(f), f).toBe(true);
      expect(isSeriesFile(f), f).toBe(true);
    }
    for (const f of ['gusu-022.yaml', 'series.yaml', 'bulletin.series.json', 'a.series-1.yaml', 'series.yaml.bak']) {
      expect(isSeriesFileName(f), f).toBe(false);
      expect(isSeriesFile(f), f).toBe(false);
    }
  });
});

describe('expandInputs', () => {
  it('a folder stands for its issue files in name order, series files left out; files are kept as given', async () => {
    const dir = tempFiles({
      'b-002.yml': MINIMAL,
      'a-001.yaml': MINIMAL,
      'bulletin.series.yaml': SERIES,
      'gusu.series.yaml': SERIES,
      'other.series.yml': SERIES,
      'notes.txt': 'x',
    });
    const r = await expandInputs([dir, path.join(dir, 'gusu.series.yaml'), path.join(dir, 'a-001.yaml'), path.join(dir, 'missing.yaml')]);
    expect(r.diagnostics).toEqual([]);
    expect(r.files).toEqual([path.join(dir, 'a-001.yaml'), path.join(dir, 'b-002.yml'), path.join(dir, 'gusu.series.yaml'), path.join(dir, 'missing.yaml')]);
  });

  it('a folder with no issue file is reported (io), in both languages', async () => {
    const empty = tempDir();
    const seriesOnly = tempFiles({ 'bulletin.series.yaml': SERIES });
    const r = await expandInputs([empty, seriesOnly]);
    expect(r.files).toEqual([]);
    expect(r.diagnostics.map((d) => [d.file, d.rule, d.message.zh])).toEqual([
      [empty, 'io', '这个文件夹里没有 .yaml 文件'],
      [seriesOnly, 'io', '这个文件夹里只有系列设置文件，没有简报文件（.yaml）'],
    ]);
  });
});

describe('build given a series file', () => {
  it('says it is a series file, not an issue (not "缺少必填项 number"), exit 1, no PDF', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES, 'gusu.series.yaml': SERIES });
    for (const name of ['bulletin.series.yaml', 'gusu.series.yaml']) {
      const r = await run('build', path.join(dir, name));
      expect(r.code).toBe(1);
      expect(r.err).toContain('这是系列设置文件，不是一期简报；请排版简报文件');
      expect(r.err).not.toContain('number');
      expect(r.out).toContain('未生成 PDF');
    }
    const en = await run('--lang', 'en', 'build', path.join(dir, 'gusu.series.yaml'));
    expect(en.err).toContain('this is a series settings file, not an issue');
  });

  it('a folder holding only a series file: exit 2 and says so', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES });
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'x.series.yaml'), SERIES);
    const r = await run('build', path.join(dir, 'sub'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('只有系列设置文件，没有简报文件');
  });
});
