/**
 * Photos and tables on the grid (issue 14), asserted from layout data: every body-size line before and after them
 * sits on a grid line, photos stay inside the type area and upright, a table's header row is drawn again at the top
 * of the page it continues on, and no page ends more than two lines early because of a photo (the text after it
 * moves up). Pagination's float and repeated-header rules on plain flow items too.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeIssue } from '../../src/compose/index.js';
import { resolveFonts } from '../../src/fonts/roles.js';
import { loadIssue } from '../../src/issue/load.js';
import { gridBaseline } from '../../src/typeset/geometry.js';
import { typesetDoc } from '../../src/typeset/layout.js';
import { paginate, type FlowItem } from '../../src/typeset/paginate.js';
import type { BulletinDoc } from '../../src/compose/doc.js';
import type { GlyphRun, ImageBox, Layout } from '../../src/typeset/types.js';
import { examples } from '../fixtures/tmp.js';

let doc: BulletinDoc;
let layout: Layout;

beforeAll(async () => {
  const file = path.join(examples, 'photos/photos.yaml');
  const loaded = await loadIssue(file);
  const issue = loaded.issue!;
  const { fonts } = await resolveFonts(issue.series, path.dirname(file), undefined, { systemDirs: [] });
  doc = composeIssue(issue);
  layout = typesetDoc(doc, fonts);
}, 60_000);

const runs = (page: number): GlyphRun[] => layout.pages[page]!.items.filter((i): i is GlyphRun => i.kind === 'run');
const text = (r: GlyphRun): string => r.texts.join('');

describe('the photo example', () => {
  it('keeps every body-size line on the 28.99 pt grid, before and after photos and tables', () => {
    const g = doc.grid;
    expect(g.linePitch).toBeCloseTo(28.99, 2);
    let lines = 0;
    layout.pages.forEach((_, p) => {
      for (const r of runs(p)) {
        if (r.size !== g.bodySize || r.y > g.top + g.height) continue;
        const slot = (r.y - gridBaseline(g, 0, r.size)) / g.linePitch;
        expect(Math.abs(slot - Math.round(slot)), `page ${p + 1}: ${text(r)}`).toBeLessThan(1e-6);
        lines++;
      }
    });
    expect(lines).toBeGreaterThan(50);
  });

  it('places every photo inside the type area, the sideways phone shot upright', () => {
    const g = doc.grid;
    const images = layout.pages.flatMap((p) => p.items.filter((i): i is ImageBox => i.kind === 'image'));
    expect(images).toHaveLength(5);
    for (const im of images) {
      expect(im.x).toBeGreaterThanOrEqual(g.left - 1e-6);
      expect(im.x + im.w).toBeLessThanOrEqual(g.left + g.width + 1e-6);
      expect(im.y).toBeGreaterThanOrEqual(g.top - 1e-6);
      expect(im.y + im.h).toBeLessThanOrEqual(g.top + g.height + 1e-6);
    }
    const side = images.find((i) => i.file.endsWith('garden-sideways.jpg'))!;
    expect(side.h).toBeGreaterThan(side.w);
    // Side by side: one height.
    const river = images.find((i) => i.file.endsWith('river.jpg'))!;
    expect(river.h).toBeCloseTo(side.h, 6);
  });

  it('puts each caption under its photo, centred on it', () => {
    const page = layout.pages.findIndex((p) => p.items.some((i) => i.kind === 'image' && i.file.endsWith('street.jpg')));
    const im = layout.pages[page]!.items.find((i): i is ImageBox => i.kind === 'image')!;
    const caption = runs(page).find((r) => text(r).startsWith('联合巡查组'))!;
    expect(caption.y).toBeGreaterThan(im.y + im.h);
    expect(caption.y).toBeLessThan(im.y + im.h + 2 * caption.size);
    const left = caption.xs[0]!;
    const right = caption.xs.at(-1)! + caption.advances.at(-1)!;
    expect((left + right) / 2).toBeCloseTo(im.x + im.w / 2, 0);
  });

  it('repeats the table header at the top of the page the table continues on, and rules the rows', () => {
    const pages = layout.pages.map((_, p) => p).filter((p) => runs(p).some((r) => text(r) === '项目' && r.size === 14));
    expect(pages.length).toBe(2);
    const g = doc.grid;
    const header = runs(pages[1]!).find((r) => text(r) === '项目')!;
    expect(header.y).toBeGreaterThan(g.top);
    expect(header.y).toBeLessThan(g.top + 2 * g.linePitch);
    const topRule = layout.pages[pages[1]!]!.items.some((i) => i.kind === 'rule' && i.y1 === i.y2 && Math.abs(i.y1 - g.top) < 1e-6);
    expect(topRule).toBe(true);
    const rules = layout.pages[pages[0]!]!.items.filter((i) => i.kind === 'rule');
    expect(rules.length).toBeGreaterThan(10);
    for (const r of rules) if (r.kind === 'rule') expect(r.width).toBe(0.5);
  });

  it('leaves no page (but the last) more than two lines short', () => {
    const g = doc.grid;
    for (let p = 0; p < layout.pages.length - 1; p++) {
      const bottoms = layout.pages[p]!.items.flatMap((i) => {
        if (i.kind === 'image') return [i.y + i.h];
        if (i.kind === 'rule') return [Math.max(i.y1, i.y2)];
        if (i.kind === 'run' && i.y < g.top + g.height) return [i.y];
        return [];
      });
      expect(g.top + g.height - Math.max(...bottoms), `page ${p + 1}`).toBeLessThan(2 * g.linePitch + g.linePitch);
    }
  });
});

describe('pagination of box units', () => {
  const line = (para: number, index: number, count: number, extra: Partial<FlowItem> = {}): FlowItem => ({ para, index, count, ...extra });
  const text = (para: number, count: number): FlowItem[] => Array.from({ length: count }, (_, i) => line(para, i, count));
  const unit = (para: number, count: number, extra: Partial<FlowItem> = {}): FlowItem[] =>
    Array.from({ length: count }, (_, i) => line(para, i, count, i === 0 ? extra : { keepWithPrev: true }));

  it('lets the text after a photo fill the page and puts the photo at the top of the next', () => {
    // 10 lines a page: 6 of text, a photo of 6, then 4 lines of text.
    const flow = [...text(0, 6), ...unit(1, 6, { float: true }), ...text(2, 2), ...text(3, 2)];
    const plan = paginate(flow, { linesPerPage: 10, firstPageStart: 0, footerSlots: 0 });
    const at = (item: number) => plan.placements.find((p) => p.item === item)!;
    expect([at(6).page, at(6).slot]).toEqual([1, 0]);
    expect([at(12).page, at(14).page]).toEqual([0, 0]);
    expect(plan.placements.filter((p) => p.page === 0)).toHaveLength(10);
  });

  it('never sets a floating photo below an article’s signature: the signature and the space above it follow the photo', () => {
    // 10 lines a page: 6 of text, a photo of 6, 1 line of text, a blank line, then the two signature lines.
    const flow = [...text(0, 6), ...unit(1, 6, { float: true }), ...text(2, 1), line(3, 0, 1, { blank: true, keepWithNext: true }), line(4, 0, 1, { fence: true, keepWithNext: true }), line(5, 0, 1)];
    const plan = paginate(flow, { linesPerPage: 10, firstPageStart: 0, footerSlots: 0 });
    const at = (item: number) => plan.placements.find((p) => p.item === item)!;
    // The text line moves up; the photo opens page 2 and the blank, organ and date come after it, in that order.
    expect(at(12).page).toBe(0);
    expect([at(6).page, at(6).slot]).toEqual([1, 0]);
    expect([13, 14, 15].map((i) => [at(i).page, at(i).slot])).toEqual([
      [1, 6],
      [1, 7],
      [1, 8],
    ]);
  });

  it('keeps room for a repeated header above a row that begins a page', () => {
    const flow = [...unit(0, 3), ...unit(1, 4, { head: 1 }), ...unit(2, 4, { head: 1 }), ...unit(3, 4, { head: 1 })];
    const plan = paginate(flow, { linesPerPage: 10, firstPageStart: 0, footerSlots: 0 });
    const first = plan.placements.find((p) => p.page === 1)!;
    expect(first.head).toBe(1);
    expect(first.slot).toBe(1);
    // A row is never split: every unit's lines share one page.
    for (const u of [3, 7, 11]) expect(new Set(plan.placements.filter((p) => p.item >= u && p.item < u + 4).map((p) => p.page)).size).toBe(1);
  });
});
