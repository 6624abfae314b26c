/**
 * Bad input: a clear message, the right exit code, no stack trace, nothing half-written — and a file that does not
 * load is left out of the counts and said to be, never silently.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { io } from '../../src/io/write-atomic.js';
import { runCli } from '../fixtures/capture.js';
import { tempDir } from '../fixtures/tmp.js';
import { ISSUES, seriesDir } from './fixture.js';

describe('bulletin stats: bad input', () => {
  it('a folder with no issues: exit 2, said so, nothing printed as a table', async () => {
    const r = await runCli('stats', tempDir());
    expect(r.code).toBe(2);
    expect(r.err).toContain('这个文件夹里没有 .yaml 文件');
    expect(r.out).toBe('');
  });

  it('an issue with a broken date is reported and left out: exit 1, the same totals, the count under the table', async () => {
    const good = await runCli('stats', seriesDir(), '--year', '2026', '--format', 'json');
    const dir = seriesDir({ 'x-013.yaml': ISSUES['x-009.yaml']!.replace('number: 9\ndate: 2026-02-19', 'number: 13\ndate: 2026-02-30') });
    const r = await runCli('stats', dir, '--year', '2026');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path.join(dir, 'x-013.yaml')}:2:7  error  日期 2026-02-30 不存在：2026 年 2 月只有 28 天  (date-invalid)`);
    expect(r.out).toContain(`✖ 有 1 个文件未计入统计，以上合计不含它们：${path.join(dir, 'x-013.yaml')}（未通过格式校验）（问题见上方）`);
    expect(r.out).toContain('      合计        12     6     3     2     1  19.5');

    const json = await runCli('stats', dir, '--year', '2026', '--format', 'json');
    expect(json.code).toBe(1);
    const j = JSON.parse(json.out) as { totals: unknown; skipped: { file: string; reason: string }[]; problems: { rule: string }[] };
    expect(j.totals).toEqual((JSON.parse(good.out) as { totals: unknown }).totals);
    expect(j.skipped).toEqual([{ file: path.join(dir, 'x-013.yaml'), reason: '未通过格式校验' }]);
    expect(j.problems.map((p) => p.rule)).toContain('date-invalid');
    expect(json.err).toContain('bulletin stats：有 1 个文件未计入统计（问题见上方）');
  });

  it('a copy of an issue is counted once and reported', async () => {
    const dir = seriesDir({ 'x-009 copy.yaml': ISSUES['x-009.yaml']! });
    const r = await runCli('stats', dir, '--year', '2026', '--month', '2', '--format', 'json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { issues: number; totals: { items: number } };
    expect([j.issues, j.totals.items]).toEqual([2, 3]);
    expect(r.err).toMatch(/x-009\.yaml:1:1 {2}error {2}与 .*x-009 copy\.yaml 是同一期（名称、期号、日期都相同），只统计一次；删去多余的一份 {2}\(stats-duplicate\)/);
  });

  it('a file that cannot be read: exit 2, the others still counted', async () => {
    const dir = seriesDir();
    const r = await runCli('stats', dir, path.join(dir, 'no-such.yaml'), '--year', '2026', '--month', '2');
    expect(r.code).toBe(2);
    expect(r.out).toContain('共 2 期简报，2 条信息');
    expect(r.out).toContain('（无法读取）');
  });

  it('a series file given by name is not an issue: a warning, the issues beside it counted', async () => {
    const dir = seriesDir();
    const r = await runCli('stats', path.join(dir, 'bulletin.series.yaml'), path.join(dir, 'x-001.yaml'));
    expect(r.code).toBe(0);
    expect(r.err).toContain('这是系列设置文件，不是一期简报，不参加统计');
    expect(r.out).toContain('共 1 期简报，2 条信息');
  });

  const usage: [string[], string][] = [
    [['--quarter', '5'], '--quarter 应为 1 到 4 的季度，不能是 5'],
    [['--month', '13'], '--month 应为 1 到 12 的月份，不能是 13'],
    [['--year', '26'], '--year 应为四位数的年份（如 2026），不能是 26'],
    [['--from', '2026-02-30'], '--from 2026-02-30 不是存在的日期：2026 年 2 月只有 28 天'],
    [['--to', '3月1日'], '--to 应为日期 YYYY-MM-DD（如 2026-01-01），不能是 3月1日'],
    [['--from', '2026-03-01', '--to', '2026-01-01'], '--from 2026-03-01 晚于 --to 2026-01-01'],
    [['--from', '2026-03-01', '--year', '2026'], '--from/--to 不能与 --year、--quarter、--month 同时使用'],
    [['--quarter', '1', '--month', '2'], '--quarter 和 --month 只能用一个'],
    [['--by', 'unit'], '--by 只能是 source、section、month，不能是 unit'],
    [['--format', 'xls'], '不认识的输出格式 xls，可用：table、csv、xlsx、json'],
    [['--format', 'xlsx'], 'xlsx 是二进制文件，不能输出到终端：用 -o 指定文件'],
  ];
  it.each(usage)('usage error %j: exit 2 with one line, before any file is read', async (args, message) => {
    const r = await runCli('stats', seriesDir(), ...args);
    expect(r.code).toBe(2);
    expect(r.err.startsWith('bulletin stats：')).toBe(true);
    expect(r.err).toContain(message);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
  });

  it('--quarter 5 in English', async () => {
    const r = await runCli('--lang', 'en', 'stats', seriesDir(), '--quarter', '5');
    expect([r.code, r.err]).toEqual([2, 'bulletin stats: --quarter takes a quarter from 1 to 4, not 5\n']);
  });

  it('an -o that cannot be written: exit 2, the reason, nothing left behind', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'folder.xlsx'));
    const missing = await runCli('stats', seriesDir(), '-o', path.join(dir, 'no', 'such', 's.xlsx'));
    expect(missing.code).toBe(2);
    // The warnings about the fixture's items come first; the failure is the last line.
    const last = (err: string) => err.trimEnd().split('\n').at(-1);
    expect(last(missing.err)).toBe(`bulletin stats：输出文件夹不存在：${path.join(dir, 'no', 'such')}`);
    const folder = await runCli('stats', seriesDir(), '-o', path.join(dir, 'folder.xlsx'));
    expect(folder.code).toBe(2);
    expect(last(folder.err)).toBe(`bulletin stats：无法写入 ${path.join(dir, 'folder.xlsx')}：这是一个文件夹`);
    expect(readdirSync(dir)).toEqual(['folder.xlsx']);
    expect(readdirSync(path.join(dir, 'folder.xlsx'))).toEqual([]);
  });

  it('a write that fails half-way (disk full) keeps the earlier file whole and leaves no temp file', async () => {
    const dir = tempDir();
    const out = path.join(dir, 's.csv');
    writeFileSync(out, 'earlier');
    const write = io.writeSync;
    io.writeSync = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    try {
      const r = await runCli('stats', seriesDir(), '-o', out);
      expect(r.code).toBe(2);
      expect(r.err.trimEnd().split('\n').at(-1)).toBe(`bulletin stats：无法写入 ${out}：磁盘空间不足`);
    } finally {
      io.writeSync = write;
    }
    expect(readFileSync(out, 'utf8')).toBe('earlier');
    expect(readdirSync(dir)).toEqual(['s.csv']);
  });
});
