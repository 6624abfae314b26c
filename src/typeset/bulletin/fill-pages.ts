/**
 * Pagination that keeps every full page full. Widow and orphan control can leave a page one grid line short;
 * instead of accepting the gap, a paragraph on that page is set one line longer (a few of its last lines broken
 * one character narrower, still justified), which pushes the text down and fills the page.
 */
import { paginate, type PageFlowOptions, type PagePlan } from '../paginate.js';
import type { BodyLine, Flow } from './lines.js';

/** At most this many paragraphs are tried per short page. */
const TRIES = 4;

export function fillPages(flow: Flow, opts: PageFlowOptions): { lines: BodyLine[]; plan: PagePlan } {
  let lines = flow.lines();
  let plan = paginate(lines, opts);
  const givenUp = new Set<number>();
  for (let guard = 0; guard < 4 * plan.pages + 8; guard++) {
    const page = shortPage(plan, opts, givenUp);
    if (page < 0) break;
    const before = fill(plan, page);
    let fixed = false;
    for (const para of candidates(plan, lines, page)) {
      const undo = flow.loosen(para);
      if (!undo) continue;
      const l2 = flow.lines();
      const p2 = paginate(l2, opts);
      if (fill(p2, page) > before && p2.pages <= plan.pages) {
        lines = l2;
        plan = p2;
        fixed = true;
        break;
      }
      undo();
    }
    if (!fixed) givenUp.add(page);
  }
  return { lines, plan };
}

function fill(plan: PagePlan, page: number): number {
  let n = 0;
  for (const p of plan.placements) if (p.page === page) n++;
  return n;
}

/** The first page, before the last page of text, holding fewer lines than it has room for. */
function shortPage(plan: PagePlan, opts: PageFlowOptions, givenUp: Set<number>): number {
  const lastText = plan.placements.length ? plan.placements[plan.placements.length - 1]!.page : 0;
  for (let page = 0; page < lastText; page++) {
    if (givenUp.has(page)) continue;
    const room = opts.linesPerPage - (page === 0 ? opts.firstPageStart : 0);
    if (fill(plan, page) < room) return page;
  }
  return -1;
}

/** Paragraphs with lines on the page, the ones whose last line is nearly full first (cheapest to lengthen). */
function candidates(plan: PagePlan, lines: BodyLine[], page: number): number[] {
  const paras = new Map<number, number>();
  for (const p of plan.placements) {
    if (p.page !== page) continue;
    const l = lines[p.item]!;
    if (!paras.has(l.para)) {
      const last = lines.find((x) => x.para === l.para && x.index === l.count - 1)!;
      paras.set(l.para, last.line.end);
    }
  }
  return [...paras.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TRIES)
    .map(([para]) => para);
}
