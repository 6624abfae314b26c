/**
 * Counts and points for each period option, on the series of test/stats/fixture.ts (its header has the table the
 * expected numbers are worked out from), through the command as a user runs it (--format json).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/capture.js';
import { SERIES, seriesDir } from './fixture.js';

interface Json {
  period: { from: string | null; to: string | null; label: string };
  issues: number;
  items: number;
  jointItems: number;
  multiSource: string;
  months: string[];
  sections: { section: string; items: number; units: number; points: number }[];
  units: { rank: number | null; unit: string | null; known: boolean | null; items: number; points: number; sections: Record<string, number>; months: Record<string, number> }[];
  totals: { items: number; points: number };
  list: { date: string; bulletin: string; issue: number; section: string; title: string; source: string | null; unit: string | null; points: number; itemPoints: number; marks: string[] }[];
}

async function stats(dir: string, ...args: string[]): Promise<Json> {
  const r = await runCli('stats', dir, '--format', 'json', ...args);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Json;
}

/** [rank, unit, items, points] per row. */
const rows = (j: Json) => j.units.map((u) => [u.rank, u.unit, u.items, u.points]);

describe('bulletin stats: periods', () => {
  it('--year 2025 --quarter 4: five issues up to the last day of the year', async () => {
    const j = await stats(seriesDir(), '--year', '2025', '--quarter', '4');
    expect(j.period).toEqual({ from: '2025-10-01', to: '2025-12-31', label: '2025 年第 4 季度（2025-10-01 至 2025-12-31）' });
    expect([j.issues, j.items, j.jointItems]).toEqual([5, 9, 1]);
    expect(rows(j)).toEqual([
      [1, '区发改局', 3, 6],
      [2, '平江街道', 2, 4],
      [3, '区商务局', 3, 3.5],
      [4, '区住建局', 1, 1],
      [null, null, 1, 0.5],
    ]);
    expect(j.units[0]!.sections).toEqual({ 动态: 3 });
    expect(j.units[2]!.sections).toEqual({ 简讯: 1, 动态: 1, 摘报: 1 });
    expect(j.totals).toEqual({ items: 10, points: 15 });
  });

  it('--year 2026 --quarter 1: the supplement counts, the unit not in the list is marked', async () => {
    const j = await stats(seriesDir(), '--year', '2026', '--quarter', '1');
    expect([j.issues, j.items]).toEqual([7, 10]);
    expect(rows(j)).toEqual([
      [1, '区发改局', 4, 8.5],
      [2, '区住建局', 2, 5],
      [3, '平江街道', 2, 2.5],
      [4, '区商务局', 2, 1.5],
      [5, '区财政局', 1, 1],
    ]);
    expect(j.units.map((u) => u.known)).toEqual([true, true, true, true, false]);
    expect(j.units[0]!.sections).toEqual({ 动态: 1, 摘报: 1, 专报: 1, 简讯: 1 });
    expect(j.totals).toEqual({ items: 11, points: 18.5 });
    // 批示 adds 3; 上级转载 has no points set and adds none.
    expect(j.list.find((c) => c.title === '十期批示')).toMatchObject({ points: 4, marks: ['批示', '上级转载'] });
    expect(j.list.find((c) => c.title === '增刊专报')).toMatchObject({ bulletin: '测试信息（增刊）', issue: 1, section: '专报', points: 5 });
  });

  it('--quarter without --year takes the latest issue\'s year', async () => {
    const dir = seriesDir();
    const implicit = await stats(dir, '--quarter', '1');
    expect(implicit.period.from).toBe('2026-01-01');
    expect(rows(implicit)).toEqual(rows(await stats(dir, '--year', '2026', '--quarter', '1')));
  });

  it('--year 2026: equal points share a rank, more items first', async () => {
    const j = await stats(seriesDir(), '--year', '2026');
    expect([j.issues, j.items]).toEqual([8, 11]);
    expect(rows(j)).toEqual([
      [1, '区发改局', 4, 8.5],
      [2, '区住建局', 2, 5],
      [3, '区商务局', 3, 2.5],
      [3, '平江街道', 2, 2.5],
      [5, '区财政局', 1, 1],
    ]);
    expect(j.totals).toEqual({ items: 12, points: 19.5 });
  });

  it('--year 2026 --month 3', async () => {
    const j = await stats(seriesDir(), '--year', '2026', '--month', '3');
    expect(j.period).toMatchObject({ from: '2026-03-01', to: '2026-03-31', label: '2026 年 3 月' });
    expect([j.issues, j.items]).toEqual([3, 4]);
    expect(rows(j)).toEqual([
      [1, '区发改局', 2, 5.5],
      [2, '区住建局', 1, 4],
      [3, '区商务局', 1, 0.5],
    ]);
  });

  it('--from/--to across the year boundary, both days included', async () => {
    const j = await stats(seriesDir(), '--from', '2025-12-31', '--to', '2026-01-08');
    expect(j.period).toMatchObject({ from: '2025-12-31', to: '2026-01-08', label: '2025-12-31 至 2026-01-08' });
    expect([j.issues, j.items]).toEqual([2, 4]);
    expect(rows(j)).toEqual([
      [1, '平江街道', 2, 2.5],
      [2, '区商务局', 1, 2],
      [3, '区住建局', 1, 1],
    ]);
    const from = await stats(seriesDir(), '--from', '2026-03-15');
    expect([from.issues, from.items, from.totals.points]).toEqual([3, 4, 7]);
  });

  it('no period: every issue, the days they cover in the heading, the no-source row last', async () => {
    const j = await stats(seriesDir());
    expect(j.period).toEqual({ from: null, to: null, label: '全部（2025-11-06 至 2026-04-02）' });
    expect([j.issues, j.items, j.jointItems]).toEqual([13, 20, 2]);
    expect(rows(j)).toEqual([
      [1, '区发改局', 7, 14.5],
      [2, '平江街道', 4, 6.5],
      [3, '区商务局', 6, 6],
      [3, '区住建局', 3, 6],
      [5, '区财政局', 1, 1],
      [null, null, 1, 0.5],
    ]);
    expect(j.totals).toEqual({ items: 22, points: 34.5 });
    // One credit per unit of an item: 20 items, two of them joint.
    expect(j.list).toHaveLength(22);
  });

  it('--by section: each item once, with the units it credits', async () => {
    const j = await stats(seriesDir(), '--year', '2025', '--quarter', '4', '--by', 'section');
    expect(j.sections).toEqual([
      { section: '动态', items: 5, units: 4, points: 9 },
      { section: '简讯', items: 2, units: 1, points: 1 },
      { section: '摘报', items: 2, units: 2, points: 4 },
    ]);
    const table = (await runCli('stats', seriesDir(), '--year', '2025', '--quarter', '4', '--by', 'section')).out;
    expect(table).toContain('合计     9       4    14\n');
  });

  it('--by month: a year of columns (the latest year without a period), items per unit and month', async () => {
    const j = await stats(seriesDir(), '--by', 'month');
    expect(j.period.from).toBe('2026-01-01');
    expect(j.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(Object.fromEntries(j.units.map((u) => [u.unit, u.months]))).toEqual({
      区发改局: { '2026-01': 1, '2026-02': 1, '2026-03': 2 },
      区住建局: { '2026-01': 1, '2026-03': 1 },
      区商务局: { '2026-02': 1, '2026-03': 1, '2026-04': 1 },
      平江街道: { '2026-01': 1, '2026-02': 1 },
      区财政局: { '2026-01': 1 },
    });
    const r = await runCli('stats', seriesDir(), '--by', 'month', '--from', '2025-11-01', '--to', '2026-02-28');
    const header = r.out.split('\n').find((l) => l.startsWith('排名'))!;
    expect(header.split(/\s+/)).toEqual(['排名', '单位', '2025-11', '2025-12', '2026-01', '2026-02', '合计', '分值', '备注']);
    expect(r.out).toMatch(/^ {3}1 {2}区发改局 +1 +2 +1 +1 +5 +9$/m);
  });

  it('multiSource: split shares a joint item\'s points; an issue may override a setting for itself', async () => {
    const dir = seriesDir({ 'bulletin.series.yaml': `${SERIES}  multiSource: split\n` });
    const j = await stats(dir, '--year', '2025', '--quarter', '4');
    expect(j.multiSource).toBe('split');
    expect(rows(j)).toEqual([
      [1, '区发改局', 3, 5.5],
      [2, '平江街道', 2, 4],
      [3, '区商务局', 3, 3],
      [4, '区住建局', 1, 1],
      [null, null, 1, 0.5],
    ]);
    expect(j.list.filter((c) => c.title === '三期联合').map((c) => [c.unit, c.points, c.itemPoints])).toEqual([
      ['区发改局', 0.5, 1],
      ['区商务局', 0.5, 1],
    ]);
    // Issue 9 sets 动态 to 3 for itself; the other issues keep the series' 1.
    const nine = path.join(dir, 'x-009.yaml');
    writeFileSync(nine, `stats: { points: { 动态: 3 } }\nnumber: 9\ndate: 2026-02-19\nsections:\n  - label: 动态\n    items:\n      - title: 九期动态\n        body: 正文。\n        source: 区商务局\n`);
    const feb = await stats(dir, '--year', '2026', '--month', '2');
    expect(rows(feb)).toEqual([
      [1, '区商务局', 1, 3],
      [2, '区发改局', 1, 1],
      [2, '平江街道', 1, 1],
    ]);
  });
});
