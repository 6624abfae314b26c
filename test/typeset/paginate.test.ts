import { describe, expect, test } from 'vitest';
import { paginate, type FlowItem } from '../../src/typeset/paginate.js';

/** Paragraphs of the given line counts; a negative count marks a keep-with-next label line. */
function flow(...counts: number[]): FlowItem[] {
  const out: FlowItem[] = [];
  counts.forEach((c, para) => {
    const n = Math.abs(c);
    for (let index = 0; index < n; index++) out.push({ para, index, count: n, ...(c < 0 ? { keepWithNext: true } : {}) });
  });
  return out;
}

const opts = { linesPerPage: 10, firstPageStart: 0, footerSlots: 0 };
const pageOf = (plan: ReturnType<typeof paginate>, item: number) => plan.placements.find((p) => p.item === item)!;
const perPage = (plan: ReturnType<typeof paginate>) => {
  const n = Array<number>(plan.pages).fill(0);
  for (const p of plan.placements) n[p.page]!++;
  return n;
};

describe('pagination on the grid', () => {
  test('fills every page to the last grid line when nothing forbids it', () => {
    const plan = paginate(flow(4, 4, 4, 4, 4), opts);
    expect(perPage(plan)).toEqual([10, 10]);
    expect(plan.placements.map((p) => p.slot).slice(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('an orphan (a first line alone at the foot) moves to the next page', () => {
    const plan = paginate(flow(9, 5), opts);
    expect(pageOf(plan, 9).page).toBe(1);
    expect(perPage(plan)).toEqual([9, 5]);
  });

  test('a widow (a last line alone at the head) takes a line with it', () => {
    const plan = paginate(flow(5, 6), opts);
    // 5 + 5 would leave the 6th line alone on page 2: 4 stay, 2 go.
    expect(perPage(plan)).toEqual([9, 2]);
    expect(plan.placements.filter((p) => p.page === 1).map((p) => p.item)).toEqual([9, 10]);
  });

  test('a two-line paragraph may split one and one', () => {
    const plan = paginate(flow(9, 2), opts);
    expect(perPage(plan)).toEqual([10, 1]);
  });

  test('a three-line paragraph is never split 1+2 or 2+1', () => {
    for (const before of [7, 8]) {
      const plan = paginate(flow(before, 3), opts);
      const pages = new Set(plan.placements.filter((p) => p.item >= before).map((p) => p.page));
      expect(pages.size).toBe(1);
    }
  });

  test('a section label stays with the lines after it', () => {
    const plan = paginate(flow(9, -1, 4), opts);
    expect(pageOf(plan, 9).page).toBe(1);
    const plan2 = paginate(flow(8, -1, 4), opts);
    // Label + one line would fit, but that line would be an orphan: the label goes too.
    expect(pageOf(plan2, 8).page).toBe(1);
    const plan3 = paginate(flow(7, -1, 4), opts);
    expect(pageOf(plan3, 7).page).toBe(0);
    expect(pageOf(plan3, 8).page).toBe(0);
  });

  test('the masthead takes the first page’s first grid lines', () => {
    const plan = paginate(flow(4), { ...opts, firstPageStart: 6 });
    expect(plan.placements.map((p) => p.slot)).toEqual([6, 7, 8, 9]);
  });

  test('a bottom-anchored block goes on the last page when it fits, else on a new page', () => {
    const fits = paginate(flow(10, 4), { ...opts, footerSlots: 4 });
    expect(fits.footerPage).toBe(1);
    expect(fits.pages).toBe(2);
    const spills = paginate(flow(10, 7), { ...opts, footerSlots: 4 });
    expect(spills.footerPage).toBe(2);
    expect(spills.pages).toBe(3);
  });
});

test('a source set on its own line never begins a page alone', () => {
  const f = flow(9, 2);
  f[10]!.keepWithPrev = true;
  const plan = paginate(f, opts);
  expect(pageOf(plan, 9).page).toBe(1);
  expect(pageOf(plan, 10).page).toBe(1);
});

test('resuming at a page’s first line places the rest exactly as a full run does', () => {
  const f = flow(5, 6, 3, 9, 2, 7, 4, 8);
  const full = paginate(f, opts);
  const k = full.placements.findIndex((p) => p.page === 2);
  const from = full.placements[k]!;
  const tail = paginate(f, opts, { item: k, page: from.page, slot: from.slot });
  expect(tail.placements).toEqual(full.placements.slice(k));
  expect(tail.pages).toBe(full.pages);
});

test('one line per page, with a source that must stay with its line: every line is placed, nothing loops', () => {
  const f = flow(2, 2);
  f[1]!.keepWithPrev = true;
  f[3]!.keepWithPrev = true;
  const plan = paginate(f, { linesPerPage: 1, firstPageStart: 0, footerSlots: 0 });
  expect(plan.placements).toHaveLength(4);
});
