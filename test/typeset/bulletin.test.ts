import { beforeAll, describe, expect, test } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { layoutIssue } from './layout-issue.js';
import { gridBaseline } from '../../src/typeset/geometry.js';
import { gridOf, mm } from '../../src/compose/geometry.js';
import { formatDate } from '../../src/compose/wording.js';
import type { GlyphRun, Layout } from '../../src/typeset/types.js';
import { fakeFace, fakeFonts } from './fake-font.js';

let issue: Issue;
let layout: Layout;
beforeAll(async () => {
  const r = await loadIssue('examples/gusu-022.yaml');
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  issue = r.issue!;
  layout = layoutIssue(issue, fakeFonts());
});

const runs = (page: number): GlyphRun[] => layout.pages[page]!.items.filter((i): i is GlyphRun => i.kind === 'run');
const text = (rs: GlyphRun[]): string => rs.map((r) => r.texts.join('')).join('');

describe('the bulletin layout (fake metrics)', () => {
  test('A4 with the GB/T 9704 type area', () => {
    expect(layout.width).toBeCloseTo(mm(210), 3);
    expect(layout.height).toBeCloseTo(mm(297), 3);
  });

  test('every body line sits on a grid baseline, 22 per full page (widow gaps filled by a looser paragraph)', () => {
    const grid = gridOf(issue.series.page);
    const baselines = new Set(Array.from({ length: 22 }, (_, i) => gridBaseline(grid, i).toFixed(3)));
    for (let p = 1; p < layout.pages.length - 1; p++) {
      const ys = new Set(runs(p).filter((r) => r.size === 16).map((r) => r.y.toFixed(3)));
      for (const y of ys) expect(baselines.has(y)).toBe(true);
      expect(ys.size).toBe(22);
    }
  });

  test('the masthead: the name large, red and centred on page 1, above a red rule', () => {
    const grid = gridOf(issue.series.page);
    const name = runs(0).filter((r) => r.font === 'fake' && r.size > 40);
    expect(text(name)).toBe('姑苏信息');
    expect(name[0]!.colour).toEqual({ space: 'cmyk', values: [0, 100, 100, 0] });
    const r = name[0]!;
    const left = r.xs[0]!;
    const right = r.xs[r.xs.length - 1]! + r.advances[r.advances.length - 1]!;
    expect((left + right) / 2).toBeCloseTo(grid.left + grid.width / 2, 1);
    const rule = layout.pages[0]!.items.find((i) => i.kind === 'rule')!;
    expect(rule.kind === 'rule' && rule.x2 - rule.x1).toBeCloseTo(grid.width, 3);
    expect(text(runs(0))).toContain('第 22 期（2026 年 48 期）'.replace(/ /g, ''));
  });

  test('a long name is narrowed to the type width, keeping its size', () => {
    const grid = gridOf(issue.series.page);
    const long = structuredClone(issue);
    long.series.name = '苏州国家历史文化名城保护区工作信息';
    const name = layoutIssue(long, fakeFonts()).pages[0]!.items.filter((i): i is GlyphRun => i.kind === 'run' && i.size > 40);
    expect(name.map((r) => r.texts.join('')).join('')).toBe(long.series.name);
    const r = name[0]!;
    expect(r.hscale).toBeLessThan(100);
    const left = r.xs[0]!;
    const right = r.xs[r.xs.length - 1]! + (r.advances[r.advances.length - 1]! * r.hscale!) / 100;
    expect(left).toBeCloseTo(grid.left, 3);
    expect(right).toBeCloseTo(grid.left + grid.width, 1);
  });

  test('all item text is set once, in order', () => {
    const all = layout.pages.map((_, i) => text(runs(i))).join('');
    let at = 0;
    for (const s of issue.sections)
      for (const it of s.items) {
        const want = [it.title ? `${it.title.text}。` : '', ...it.paragraphs.map((p) => p.text), it.source ? `（${it.source.text}）` : ''].join('').replace(/\s/g, '');
        for (const part of [want.slice(0, 20), want.slice(-10)]) {
          const i = all.indexOf(part, at);
          expect(i, part).toBeGreaterThanOrEqual(at);
          at = i;
        }
      }
    expect(layout.missing).toEqual([]);
  });

  test('page numbers alternate right and left, 7 mm below the type area', () => {
    const grid = gridOf(issue.series.page);
    layout.pages.forEach((_, p) => {
      const num = runs(p).filter((r) => r.size === 14 && r.y > grid.top + grid.height + mm(5));
      expect(text(num)).toBe(`—${p + 1}—`);
      const x = num[0]!.xs[0]!;
      if (p % 2 === 0) expect(x).toBeGreaterThan(grid.left + grid.width / 2);
      else expect(x).toBeLessThan(grid.left + grid.width / 2);
    });
  });

  test('the footer ends on the type area’s foot of the last page', () => {
    const grid = gridOf(issue.series.page);
    const last = layout.pages[layout.pages.length - 1]!;
    const rules = last.items.filter((i) => i.kind === 'rule');
    const bottom = Math.max(...rules.map((r) => (r.kind === 'rule' ? r.y1 : 0)));
    expect(bottom).toBeCloseTo(grid.top + grid.height, 3);
    expect(text(runs(layout.pages.length - 1))).toContain('责任编辑：刘德富、傅之尧');
  });

  test('contents entries link to their items; bookmarks for sections and items', () => {
    const links = layout.pages[0]!.items.filter((i) => i.kind === 'link');
    const anchors = new Set(layout.pages.flatMap((p) => p.items.filter((i) => i.kind === 'anchor').map((a) => (a.kind === 'anchor' ? a.name : ''))));
    expect(links.length).toBeGreaterThanOrEqual(7);
    for (const l of links) expect(l.kind === 'link' && anchors.has(l.target)).toBe(true);
    expect(layout.outline.map((o) => o.title)).toEqual(['【动态】', '【简讯】', '【摘报】']);
    expect(layout.outline[0]!.children).toHaveLength(6);
  });

  test('a character no font has is reported with where it is; one the first face lacks falls back to the next', () => {
    const withEmoji = structuredClone(issue);
    withEmoji.sections[0]!.items[0]!.paragraphs[0]!.text += '😀';
    const l = layoutIssue(withEmoji, fakeFonts());
    expect(l.missing.map((m) => m.codePoint)).toEqual([0x1f600]);
    expect(l.missing[0]!.ref?.path).toEqual(withEmoji.sections[0]!.items[0]!.paragraphs[0]!.ref.path);
    const chain = fakeFonts(fakeFace('a', '姑'), fakeFace('b'));
    const l2 = layoutIssue(issue, chain);
    const name = l2.pages[0]!.items.filter((i): i is GlyphRun => i.kind === 'run' && i.size > 40);
    expect(name.map((r) => `${r.font}:${r.texts.join('')}`)).toEqual(['b:姑', 'a:苏信息']);
  });
});

describe('edge cases (review)', () => {
  const anchorsOf = (l: Layout) => new Set(l.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'anchor' ? [i.name] : []))));
  const linksOf = (l: Layout) => l.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'link' ? [i.target] : [])));

  test('items without text keep their title, source and anchor; no contents link dangles', () => {
    const odd = structuredClone(issue);
    odd.sections[1]!.items[0]!.paragraphs = [];
    odd.sections[0]!.items[1]!.paragraphs = [];
    const bare = odd.sections[0]!.items[2]!;
    bare.paragraphs = [];
    delete bare.title;
    delete bare.source;
    const l = layoutIssue(odd, fakeFonts());
    const all = l.pages.map((_, i) => l.pages[i]!.items.filter((x): x is GlyphRun => x.kind === 'run').map((r) => r.texts.join('')).join('')).join('');
    expect(all).toContain(`（${odd.sections[1]!.items[0]!.source!.text}）`);
    const anchors = anchorsOf(l);
    for (const t of linksOf(l)) expect(anchors.has(t)).toBe(true);
  });

  test('a long office wraps onto lines of its own, and the date never overprints it', () => {
    const long = structuredClone(issue);
    long.series.offices = ['中共苏州市姑苏区委员会苏州国家历史文化名城保护区党工委办公室'];
    const runs = layoutIssue(long, fakeFonts()).pages[0]!.items.filter((i): i is GlyphRun => i.kind === 'run' && i.size === 16);
    const byY = new Map<number, GlyphRun[]>();
    for (const r of runs) byY.set(r.y, [...(byY.get(r.y) ?? []), r]);
    for (const rs of byY.values()) {
      const spans = rs.map((r) => [r.xs[0]!, r.xs[r.xs.length - 1]! + r.advances[r.advances.length - 1]!] as const).sort((a, b) => a[0] - b[0]);
      for (let k = 1; k < spans.length; k++) expect(spans[k]![0]).toBeGreaterThanOrEqual(spans[k - 1]![1] - 0.01);
    }
    expect(runs.map((r) => r.texts.join('')).join('')).toContain(formatDate(long.date).replace(/ /g, ''));
  });

  test('a listed section without numbers lists its titles without a stray "."', () => {
    const listed = structuredClone(issue);
    listed.sections = [listed.sections[0]!];
    listed.sections[0]!.numbered = false;
    for (const it of listed.sections[0]!.items) delete it.number;
    const item = listed.sections[0]!.items[0]!;
    item.title!.text = '没有编号的条目';
    const p1 = layoutIssue(listed, fakeFonts()).pages[0]!.items.filter((i): i is GlyphRun => i.kind === 'run');
    const text = p1.map((r) => r.texts.join('')).join('');
    expect(text).toContain('没有编号的条目');
    expect(text).not.toContain('.没有编号的条目');
  });

  test('a footer taller than a page still starts on the page', () => {
    const tall = structuredClone(issue);
    tall.series.distribution = Array.from({ length: 25 }, (_, i) => ({ label: `送${i}`, recipients: { text: '各部委办局', ref: tall.sections[0]!.ref } }));
    const l = layoutIssue(tall, fakeFonts());
    for (const p of l.pages) for (const i of p.items) if (i.kind === 'rule' || i.kind === 'run') expect(i.kind === 'rule' ? i.y1 : i.y).toBeGreaterThan(0);
  });
});
