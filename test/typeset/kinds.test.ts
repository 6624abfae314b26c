/** Articles and notice parts, from the layout data (fake metrics: every glyph one em). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { composeIssue } from '../../src/compose/index.js';
import { formatIssueLine } from '../../src/compose/wording.js';
import { gridOf } from '../../src/compose/geometry.js';
import { gridBaseline } from '../../src/typeset/geometry.js';
import type { GlyphRun, Layout } from '../../src/typeset/types.js';
import { layoutIssue } from './layout-issue.js';
import { fakeFonts } from './fake-font.js';
import { examples, tempFiles } from '../fixtures/tmp.js';

async function load(file: string): Promise<Issue> {
  const r = await loadIssue(file);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.issue!;
}

/** Lines of a page: runs grouped by baseline, in order down the page. */
function lines(layout: Layout, page: number): { y: number; text: string; x0: number; x1: number; runs: GlyphRun[] }[] {
  const by = new Map<number, GlyphRun[]>();
  for (const it of layout.pages[page]!.items) if (it.kind === 'run') by.set(it.y, [...(by.get(it.y) ?? []), it]);
  return [...by.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([y, runs]) => {
      const xs = runs.flatMap((r) => r.xs.map((x, i) => [x, x + r.advances[i]!] as const));
      return { y, runs, text: runs.map((r) => r.texts.join('')).join(''), x0: Math.min(...xs.map((p) => p[0])), x1: Math.max(...xs.map((p) => p[1])) };
    });
}

const find = <T extends { text: string }>(ls: T[], s: string): T => {
  const l = ls.find((x) => x.text.includes(s));
  expect(l, s).toBeDefined();
  return l!;
};

describe('a 专报: one article', async () => {
  const issue = await load(path.join(examples, 'zhuanbao/zhuanbao-008.yaml'));
  const grid = gridOf(issue.series.page);
  const layout = layoutIssue(issue, fakeFonts());
  const page = lines(layout, 0);
  const centre = grid.left + grid.width / 2;

  it('has no contents and no 【】 label', () => {
    expect(composeIssue(issue).blocks.map((b) => b.kind)).not.toContain('contents');
    expect(page.map((l) => l.text).join('')).not.toMatch(/目录|【/);
  });

  it('the title, subtitle and byline are centred on grid lines, the title in 2号', () => {
    const title = find(page, '关于我区老旧小区改造工作的调研报告');
    expect(title.runs.every((r) => r.size === 22)).toBe(true);
    for (const s of ['关于我区', '——以平江', '区住建局']) {
      const l = find(page, s);
      expect((l.x0 + l.x1) / 2).toBeCloseTo(centre, 0);
    }
    const slot = (y: number, size: number): number => [...Array(22).keys()].find((k) => Math.abs(gridBaseline(grid, k, size) - y) < 0.01)!;
    const t = slot(title.y, 22);
    expect(t).toBeGreaterThan(0);
    // The subtitle on the next grid line, the byline on the one after, a blank line, then the body.
    expect(slot(find(page, '——以平江').y, 16)).toBe(t + 1);
    expect(slot(find(page, '区住建局').y, 16)).toBe(t + 2);
    expect(slot(find(page, '2026年以来').y, 16)).toBe(t + 4);
  });

  it('the 编者按 label is drawn bold, 楷体 text after it', () => {
    const note = find(page, '编者按：');
    expect(note.runs[0]!.texts.join('')).toBe('编者按：');
    expect(note.runs[0]!.bold).toBe(true);
    expect(note.runs[1]!.bold).toBeUndefined();
  });

  it('headings: 一、 and （一） indented two characters; a 1. heading bold up to its full stop', () => {
    const all = layout.pages.flatMap((_, p) => lines(layout, p));
    const h1 = find(all, '一、主要做法和成效');
    expect(h1.x0).toBeCloseTo(grid.left + 2 * grid.pitch, 1);
    const h3 = find(all, '1.摸清设施短板。');
    expect(h3.runs[0]!.bold).toBe(true);
    expect(h3.runs[0]!.texts.join('')).toBe('1.摸清设施短板。');
    expect(h3.runs[1]!.bold).toBeUndefined();
  });
});

describe('a 通报: addressee, attachments, signature', async () => {
  const issue = await load(path.join(examples, 'tongbao/tongbao-003.yaml'));
  const grid = gridOf(issue.series.page);
  const layout = layoutIssue(issue, fakeFonts());
  const all = layout.pages.flatMap((_, p) => lines(layout, p));

  it('the two-phrase title is set with a full-width space', () => {
    expect(find(all, '警钟长鸣').text).toContain('警钟长鸣\u3000齐抓共管');
  });

  it('the addressee flush left; the masthead marks top left and top right', () => {
    expect(find(all, '各街道办事处，区各委办局：').x0).toBeCloseTo(grid.left, 1);
    const top = lines(layout, 0)[0]!;
    expect(top.text).toBe('加急000123');
    expect(top.x0).toBeCloseTo(grid.left, 1);
    expect(top.x1).toBeCloseTo(grid.left + grid.width, 0);
  });

  it('附件：1. with the second name aligned under the first', () => {
    const first = find(all, '附件：1.全区');
    const second = find(all, '2.各街道');
    expect(first.x0).toBeCloseTo(grid.left + 2 * grid.pitch, 1);
    expect(second.x0).toBeCloseTo(grid.left + 5 * grid.pitch, 1);
    const nameX = (l: typeof first, ch: string): number => l.runs.flatMap((r) => r.xs.filter((_, i) => r.texts[i] === ch))[0]!;
    expect(nameX(second, '各')).toBeCloseTo(nameX(first, '全'), 1);
  });

  it('the organ two characters from the right edge, the date two characters right of its first', () => {
    // The last of each: the masthead has the same office and date.
    const organ = all.findLast((l) => l.text === '苏州市姑苏区人民政府督查室')!;
    const date = all.findLast((l) => l.text === '2026年5月20日')!;
    const edge = grid.left + grid.width;
    // The ink of the last character ends two cells from the edge.
    expect(edge - organ.x1).toBeCloseTo(2 * grid.pitch, 1);
    expect(date.x0 - organ.x0).toBeCloseTo(2 * grid.pitch, 1);
    expect(date.y).toBeGreaterThan(organ.y);
  });
});

describe('balanced titles', () => {
  it('a title that wraps takes lines of about equal length, never one character alone', async () => {
    const title = '关于进一步加强和改进全区老旧小区改造后长效管理工作的调研报告和建议';
    const dir = tempFiles({
      'a.yaml': `series: false\nname: 专报\noffices: [某办公室]\nnumber: 1\ndate: 2026-05-01\nsections:\n  - style: article\n    items:\n      - title: ${title}\n        body: 正文。\n`,
    });
    const layout = layoutIssue(await load(path.join(dir, 'a.yaml')), fakeFonts());
    const t = lines(layout, 0).filter((l) => l.runs.every((r) => r.size === 22));
    expect(t).toHaveLength(2);
    const [a, b] = t.map((l) => [...l.text].length) as [number, number];
    expect(a + b).toBe([...title].length);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
  });
});

describe('the issue line', () => {
  const base = { number: 33, yearNumber: undefined, totalNumber: undefined, special: undefined, date: { year: 2026 }, series: {} };
  it.each([
    [{ yearNumber: 48, number: 22 }, '第 22 期（2026 年 48 期）'],
    [{ totalNumber: 192 }, '第 33 期（总第 192 期）'],
    [{ number: 48, series: { numbering: 'yearly' as const } }, '2026 年第 48 期'],
    [{ number: 1, special: '增刊' as const, totalNumber: 192 }, '增刊第 1 期'],
  ])('%o → %s', (over, line) => {
    expect(formatIssueLine({ ...base, ...over })).toBe(line);
  });
});
