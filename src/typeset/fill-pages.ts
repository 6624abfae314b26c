/**
 * Pagination that keeps every full page full. Widow and orphan control can leave a page one grid line short;
 * instead of accepting the gap, a paragraph on that page is set one line longer (a few of its last lines broken
 * one character narrower, still justified), which pushes the text down and fills the page.
 */
import { paginate, type PageFlowOptions, type PagePlan } from './paginate.js';
import type { BodyLine, Flow } from './lines.js';

/** At most this many paragraphs are tried per short page. */
const TRIES = 4;

export function fillPages(flow: Flow, opts: PageFlowOptions): { lines: BodyLine[]; plan: PagePlan } {
  let lines = flow.lines();
  let plan = paginate(lines, opts);
  let counts = perPage(plan);
  // Pages are settled in order: loosening a paragraph on page p changes nothing before it.
  let page = 0;
  for (;;) {
    page = shortPage(counts, plan, opts, page);
    if (page < 0) break;
    let fixed = false;
    for (const para of candidates(plan, lines, page)) {
      const undo = flow.loosen(para);
      if (!undo) continue;
      // Only what follows the page where this paragraph starts can move: keep the lines and placements before it.
      const firstLine = firstLineOf(lines, para);
      const l2 = lines.slice(0, firstLine).concat(flow.lines(para));
      const k0 = firstOn(plan, plan.placements[firstLine]!.page);
      const from = plan.placements[k0]!;
      const tail = paginate(l2, opts, { item: k0, page: from.page, slot: from.slot });
      const p2: PagePlan = { ...tail, placements: plan.placements.slice(0, k0).concat(tail.placements) };
      const c2 = perPage(p2);
      if ((c2[page] ?? 0) > (counts[page] ?? 0) && p2.pages <= plan.pages) {
        lines = l2;
        plan = p2;
        counts = c2;
        fixed = true;
        break;
      }
      undo();
    }
    if (!fixed) page++;
  }
  return { lines, plan };
}

/** Lines placed on each page. */
function perPage(plan: PagePlan): Int32Array {
  const n = new Int32Array(plan.pages);
  for (const p of plan.placements) n[p.page]!++;
  return n;
}

/** The first page from `from` on, before the last page of text, holding fewer lines than it has room for. */
function shortPage(counts: Int32Array, plan: PagePlan, opts: PageFlowOptions, from: number): number {
  const lastText = plan.placements.length ? plan.placements[plan.placements.length - 1]!.page : 0;
  for (let page = from; page < lastText; page++) {
    const room = opts.linesPerPage - (page === 0 ? opts.firstPageStart : 0);
    if (counts[page]! < room) return page;
  }
  return -1;
}

/** Paragraphs with lines on the page, the ones whose last line is nearly full first (cheapest to lengthen). */
function candidates(plan: PagePlan, lines: BodyLine[], page: number): number[] {
  const ends = new Map<number, number>();
  // Placements are in flow order, so a page's lines are one run of them, and a paragraph's lines are contiguous.
  for (let k = firstOn(plan, page); k < plan.placements.length && plan.placements[k]!.page === page; k++) {
    const i = plan.placements[k]!.item;
    const l = lines[i]!;
    if (ends.has(l.para)) continue;
    const last = lines[i + (l.count - 1 - l.index)]!;
    ends.set(l.para, last.line.end);
  }
  return [...ends.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TRIES)
    .map(([para]) => para);
}

/** Index of the first placement on `page` (placements are sorted by page). */
function firstOn(plan: PagePlan, page: number): number {
  let lo = 0;
  let hi = plan.placements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (plan.placements[mid]!.page < page) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first line of paragraph `para` (lines are in paragraph order). */
function firstLineOf(lines: BodyLine[], para: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.para < para) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
