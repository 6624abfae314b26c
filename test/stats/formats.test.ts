/**
 * The outputs: the terminal table aligned by display width, CSV as Excel reads it (parsed back), .xlsx read back
 * with exceljs (the library that writes it), JSON, -o written atomically and byte for byte the same each time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { displayWidth } from '../../src/i18n/display-width.js';
import { runCli } from '../fixtures/capture.js';
import { examples, tempDir } from '../fixtures/tmp.js';
import { parseCsv, seriesDir } from './fixture.js';

afterEach(() => {
  vi.useRealTimers();
});

/** Display columns before `needle` in `line` (where it starts as the terminal shows it). */
const col = (line: string, needle: string) => displayWidth(line.slice(0, line.indexOf(needle)));
/** Display columns up to the end of the last `needle` in `line`. */
const end = (line: string, needle: string) => displayWidth(line.slice(0, line.lastIndexOf(needle) + needle.length));

describe('table', () => {
  it('lines up Chinese columns by display width: names from one column, numbers ending in one column', async () => {
    const r = await runCli('stats', seriesDir(), '--year', '2025', '--quarter', '4');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const header = lines.find((l) => l.startsWith('排名'))!;
    const rows = lines.slice(lines.indexOf(header) + 2).filter((l) => /^\s*\d+ {2}\S/.test(l));
    expect(rows.map((l) => l.trim().split(/\s+/)[1])).toEqual(['区发改局', '平江街道', '区商务局', '区住建局']);
    const unitAt = col(header, '单位');
    const pointsEnd = col(header, '分值') + displayWidth('分值');
    for (const row of [...rows, lines.find((l) => l.includes('（未注明来源）'))!, lines.find((l) => l.includes('合计'))!]) {
      const cells = row.trim().split(/\s+/);
      expect(col(row, cells[row.includes('合计') || row.includes('（未注明来源）') ? 0 : 1]!), row).toBe(unitAt);
      const points = row.includes('未计入任何单位') ? cells[cells.length - 2]! : cells[cells.length - 1]!;
      expect(end(row, points), row).toBe(pointsEnd);
    }
    expect(r.out).toContain('联合来稿 1 条：每个单位各计一条、各得全部分值（stats.multiSource: each）');
    expect(r.err).toMatch(/x-004\.yaml:12:15 {2}warning {2}这一条没有注明来源/);
  });

  it('in English with --lang en; --list prints each unit\'s items under the table', async () => {
    const r = await runCli('--lang', 'en', 'stats', seriesDir(), '--year', '2026', '--month', '3', '--list');
    expect(r.out).toContain('Submissions used: March 2026\n3 issue(s), 4 item(s)\n');
    expect(r.out).toMatch(/^Rank {2}Unit {6}Items {2}动态 {2}专报 {2}简讯 {2}Points {2}Note$/m);
    const list = r.out.slice(r.out.indexOf('区发改局 (2 item(s), 5.5 point(s))'));
    expect(list.split('\n').slice(0, 3)).toEqual([
      '区发改局 (2 item(s), 5.5 point(s))',
      '  2026-03-15  测试信息（增刊） No. 1  专报    5 pt  增刊专报',
      '  2026-03-31  测试信息 No. 11         简讯  0.5 pt  简讯第 1 条正文',
    ]);
  });
});

describe('csv', () => {
  it('UTF-8 with a BOM, CRLF, and the table\'s rows parsed back exactly, totals last', async () => {
    const r = await runCli('stats', seriesDir(), '--year', '2026', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.out.startsWith('\uFEFF')).toBe(true);
    expect(r.out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(parseCsv(r.out.slice(1))).toEqual([
      ['排名', '单位', '采用', '动态', '简讯', '摘报', '专报', '分值', '备注'],
      ['1', '区发改局', '4', '1', '1', '1', '1', '8.5', ''],
      ['2', '区住建局', '2', '2', '0', '0', '0', '5', ''],
      ['3', '区商务局', '3', '2', '1', '0', '0', '2.5', ''],
      ['3', '平江街道', '2', '0', '1', '1', '0', '2.5', ''],
      ['5', '区财政局', '1', '1', '0', '0', '0', '1', '不在来源列表中'],
      ['', '合计', '12', '6', '3', '2', '1', '19.5', ''],
    ]);
  });

  it('--list gives one row per credit; a title with a comma and quotes survives', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'list.csv');
    const r = await runCli('stats', seriesDir(), '--year', '2026', '--month', '4', '--list', '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓ 信息采用统计已写入');
    const rows = parseCsv(readFileSync(out, 'utf8').slice(1));
    expect(rows[0]).toEqual(['日期', '简报', '期号', '序号', '栏目', '标题', '来源', '计入单位', '分值', '加分标记', '文件']);
    expect(rows.slice(1).map((r) => r.slice(0, 10))).toEqual([['2026-04-02', '测试信息', '12', '1', '动态', '十二期"消费季",发放消费券', '区商务局', '区商务局', '1', '']]);
  });
});

describe('xlsx', () => {
  it('a summary sheet with a totals row and a sheet of every credit, read back with exceljs', async () => {
    const dir = tempDir();
    const out = path.join(dir, 's.xlsx');
    const r = await runCli('stats', seriesDir(), '--year', '2025', '--quarter', '4', '--format', 'xlsx', '-o', out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['统计', '明细']);
    const sheet = wb.getWorksheet('统计')!;
    const values = (row: number, sh = sheet) => (sh.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['信息采用统计：2025 年第 4 季度（2025-10-01 至 2025-12-31）']);
    expect(values(4)).toEqual(['排名', '单位', '采用', '动态', '简讯', '摘报', '分值', '备注']);
    expect(values(5)).toEqual([1, '区发改局', 3, 3, 0, 0, 6, '']);
    expect(values(9)).toEqual(['', '（未注明来源）', 1, 0, 1, 0, 0.5, '未计入任何单位']);
    expect(values(10)).toEqual(['', '合计', 10, 6, 2, 2, 15, '']);
    expect(sheet.getRow(10).font?.bold).toBe(true);
    expect(values(12)[0]).toBe('分值：各栏目每条的分值、加分标记的分值见系列设置 stats.points、stats.marks（没有设置的栏目每条 1 分）');

    const list = wb.getWorksheet('明细')!;
    expect(list.rowCount).toBe(1 + 10);
    expect(values(1, list)).toEqual(['日期', '简报', '期号', '序号', '栏目', '标题', '来源', '计入单位', '分值', '加分标记', '文件']);
    expect(values(8, list).slice(0, 10)).toEqual(['2025-12-18', '测试信息', 4, 1, '动态', '四期批示', '区发展改革局', '区发改局', 4, '批示']);
    expect(list.autoFilter).toBe('A1:K1');
    expect(wb.created.toISOString()).toBe('2025-12-31T00:00:00.000Z');
  });

  it('the same input gives the same bytes, whatever the clock says', async () => {
    const dir = tempDir();
    const [a, b] = [path.join(dir, 'a.xlsx'), path.join(dir, 'b.xlsx')];
    const src = seriesDir();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T08:00:00Z'));
    expect((await runCli('stats', src, '-o', a)).code).toBe(0);
    vi.setSystemTime(new Date('2031-11-17T15:43:27Z'));
    expect((await runCli('stats', src, '-o', b)).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    // Nothing else is left beside the files (no temp file of the atomic writer).
    expect(readdirSync(dir).sort()).toEqual(['a.xlsx', 'b.xlsx']);
  });
});

describe('json', () => {
  it('has the documented keys; a credit to no unit is null', async () => {
    const r = await runCli('stats', seriesDir(), '--year', '2025', '--month', '12', '--format', 'json');
    const j = JSON.parse(r.out) as Record<string, unknown> & { list: Record<string, unknown>[]; problems: Record<string, unknown>[] };
    expect(Object.keys(j)).toEqual(['period', 'issues', 'items', 'jointItems', 'multiSource', 'sections', 'months', 'units', 'totals', 'list', 'skipped', 'problems']);
    expect(j.list.find((c) => c.unit === null)).toMatchObject({ date: '2025-12-18', section: '简讯', source: null, points: 0.5 });
    expect(Object.keys(j.list[0]!)).toEqual(['date', 'bulletin', 'issue', 'number', 'section', 'title', 'source', 'unit', 'known', 'points', 'itemPoints', 'marks', 'file']);
    expect(j.problems).toMatchObject([{ line: 12, column: 15, severity: 'warning', rule: 'stats-source-missing' }]);
  });
});

describe('article issues', () => {
  it('names the section of a 专报 or 通报, which has no label, in the table, by section and in English', async () => {
    const files = [path.join(examples, 'zhuanbao'), path.join(examples, 'tongbao')];
    const bySource = await runCli('stats', ...files);
    expect(bySource.code).toBe(0);
    expect(bySource.out).toMatch(/^排名 {2}单位 +采用 {2}（文章） {2}分值 {2}备注$/m);
    const bySection = await runCli('stats', ...files, '--by', 'section');
    expect(bySection.out).toMatch(/^（文章） +2 +0 +2$/m);
    const en = await runCli('--lang', 'en', 'stats', ...files, '--by', 'section');
    expect(en.out).toMatch(/^\(articles\) +2 +0 +2$/m);
  });
});
