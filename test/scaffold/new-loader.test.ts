/** `bulletin new` reads the previous issue through the loader: the same findings as check, folders and series files understood. */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { examples, tempFiles } from '../fixtures/tmp.js';
import { run } from './run.js';

afterEach(() => vi.unstubAllEnvs());

const SERIES = readFileSync(path.join(examples, '../test/fixtures/gusu.series.yaml'), 'utf8');
const PREV = `number: 6
yearNumber: 13
date: 2026-03-26
# 这一期增发一份。
printCount: 80
serial: (PJ)简字006号

sections:
  - label: 动态
    items:
      - title: 区住建局推进城市更新试点项目
        body: 正文。
        source: 区住建局
`;

describe('bulletin new: the previous issue as check sees it', () => {
  it('a tab-indented file: file:line:column and our words (no parser dump), exit 1, nothing written', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES, 'p-006.yaml': PREV.replace('  - label: 动态', '\t- label: 动态') });
    const r = await run('new', '--from', path.join(dir, 'p-006.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/p-006\.yaml:9:1 {2}error {2}这一行用 Tab 键缩进.* {2}\(yaml-tab\)\n/);
    expect(r.err).toContain('bulletin new：上一期文件');
    expect(r.err).not.toMatch(/Tabs are not allowed|\^/);
    expect(readdirSync(dir).sort()).toEqual(['bulletin.series.yaml', 'p-006.yaml']);
  });

  it('a series file given as --from: says what it is (not "没有期号"), exit 2', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES, 'gusu.series.yaml': SERIES });
    for (const name of ['bulletin.series.yaml', 'gusu.series.yaml']) {
      const r = await run('new', '--from', path.join(dir, name));
      expect(r.code).toBe(2);
      expect(r.err).toContain('是系列设置文件，不是一期简报；--from 要写上一期的简报文件');
      expect(r.err).not.toContain('期号');
    }
    expect(readdirSync(dir).sort()).toEqual(['bulletin.series.yaml', 'gusu.series.yaml']);
  });

  it('a missing previous file: exit 2, "cannot read"', async () => {
    const dir = tempFiles({ 'x.txt': '' });
    const r = await run('--lang', 'en', 'new', '--from', path.join(dir, 'gone.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/gone\.yaml:1:1 {2}error {2}file not found {2}\(io\)\nbulletin new: cannot read the previous issue/);
  });
});

describe('bulletin new: where the new issue goes', () => {
  it('OUT an existing folder: the new file goes into it under the default name, and loads', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES, 'p-006.yaml': PREV });
    const into = path.join(dir, 'next');
    mkdirSync(into);
    vi.stubEnv('BULLETIN_TODAY', '2026-04-02');
    const r = await run('new', '--from', path.join(dir, 'p-006.yaml'), into);
    expect(r.code).toBe(0);
    const out = path.join(into, 'p-007.yaml');
    expect(existsSync(out)).toBe(true);
    const loaded = await loadIssue(out);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.issue!.number).toBe(7);
    // The same again: it exists now, and is not overwritten.
    const again = await run('new', '--from', path.join(dir, 'p-006.yaml'), into);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已经存在，不会覆盖');
  });

  it('OUT in a folder that does not exist: exit 2 in words, nothing written', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES, 'p-006.yaml': PREV });
    const r = await run('new', '--from', path.join(dir, 'p-006.yaml'), path.join(dir, 'no', 'such', 'x.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^bulletin new：无法写入 .*x\.yaml：文件或文件夹不存在\n$/);
    expect(existsSync(path.join(dir, 'no'))).toBe(false);
  });
});

describe('bulletin new: settings carried over', () => {
  it('names the series settings the previous issue overrode (printCount, serial) with their lines; keeps them', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES, 'p-006.yaml': PREV });
    const r = await run('new', '--from', path.join(dir, 'p-006.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('注意：上一期在简报文件中覆盖了系列设置，这些设置原样带到了新的一期：printCount（第 5 行）、serial（第 6 行）');
    const text = readFileSync(path.join(dir, 'p-007.yaml'), 'utf8');
    expect(text).toContain('printCount: 80');
    const en = await run('--lang', 'en', 'new', '--from', path.join(dir, 'p-006.yaml'), path.join(dir, 'other.yaml'));
    expect(en.out).toContain('carried over as they were: printCount (line 5), serial (line 6)');
  });

  it('an issue that overrides nothing, or one that carries every setting itself (series: false): no note', async () => {
    const plain = tempFiles({ 'bulletin.series.yaml': SERIES, 'p-006.yaml': PREV.replace(/^printCount.*\n|^serial.*\n|^# 这一期.*\n/gm, '') });
    const r = await run('new', '--from', path.join(plain, 'p-006.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('注意');
    const own = tempFiles({ 'x.txt': '' });
    const ref = await run('new', '--from', path.join(examples, 'gusu-022.yaml'), path.join(own, 'g.yaml'));
    expect(ref.code).toBe(0);
    expect(ref.out).not.toContain('注意');
  });
});
