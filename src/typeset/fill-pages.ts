/**
 * Pagination that fills pages without leaving the character grid. Widow and orphan control can leave a page one
 * grid line short; a paragraph on that page is then set one line shorter or longer — only where every one of its
 * lines stays on the grid, by squeezing or easing punctuation and spaces (SetParagraph.variant) — which lets the
 * page take one more line. Where no paragraph can, the page stays a line short: GB/T 9704's 28 characters a line
 * matter more than a full page.
 */
import { paginate, type PageFlowOptions, type PagePlan } from './paginate.js';
import type { BodyLine, Flow } from './lines.js';

/** At most this many paragraphs are tried per short page (each both ways). */
const TRIES = 6;

export function fillPages(flow: Flow, opts: PageFlowOptions): { lines: BodyLine[]; plan: PagePlan } {
  let lines = flow.lines();
  const boxes = lines.some((l) => l.box);
  let plan = paginate(lines, opts);
  let counts = perPage(plan);
  // Pages are settled in order: changing a paragraph on page p changes nothing before it.
  let page = 0;
  for (;;) {
    page = shortPage(counts, plan, opts, page);
    if (page < 0) break;
    let fixed = false;
    for (const [para, delta] of candidates(plan, lines, page)) {
      const undo = flow.adjust(para, delta);
      if (!undo) continue;
      // Only what follows the page where this paragraph starts can move: keep the lines and placements before it.
      const firstLine = firstLineOf(lines, para);
      const l2 = lines.slice(0, firstLine).concat(flow.lines(para));
      const k0 = firstOn(plan, plan.placements[firstLine]!.page);
      const from = plan.placements[k0]!;
      // Photos and tables place lines out of order (a float) or keep lines free (a repeated header): paginate anew.
      const p2: PagePlan = boxes ? paginate(l2, opts) : resumed(paginate(l2, opts, { item: k0, page: from.page, slot: from.slot }), plan, k0);
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
  return keepFooterWithText(flow, opts, lines, plan);
}

/**
 * The footer went to a page of its own: set paragraphs of the last text page a line shorter until it fits below
 * them, or else a line longer until some text goes over with it. Pages before stay as they are.
 */
function keepFooterWithText(flow: Flow, opts: PageFlowOptions, lines: BodyLine[], plan: PagePlan): { lines: BodyLine[]; plan: PagePlan } {
  const lastText = (p: PagePlan): number => (p.placements.length ? p.placements[p.placements.length - 1]!.page : 0);
  const page = lastText(plan);
  if (opts.footerSlots === 0 || plan.footerPage === page || !plan.placements.length) return { lines, plan };
  const counts = perPage(plan);
  const onPage = [...new Set(plan.placements.filter((p) => p.page === page).map((p) => lines[p.item]!.para))];
  for (const delta of [-1, 1]) {
    const undos: (() => void)[] = [];
    const order = delta < 0 ? onPage : [...onPage].reverse();
    for (const para of order) {
      const undo = flow.adjust(para, delta);
      if (!undo) continue;
      undos.push(undo);
      const l2 = flow.lines();
      const p2 = paginate(l2, opts);
      const c2 = perPage(p2);
      const before = Array.from({ length: page }, (_, i) => c2[i] === counts[i]).every(Boolean);
      if (before && p2.footerPage === lastText(p2) && p2.pages <= plan.pages) return { lines: l2, plan: p2 };
    }
    for (const undo of undos.reverse()) undo();
  }
  return { lines, plan };
}

function resumed(tail: PagePlan, plan: PagePlan, k0: number): PagePlan {
  return { ...tail, placements: plan.placements.slice(0, k0).concat(tail.placements) };
}

/** Lines taken on each page (a repeated table header's lines count). */
function perPage(plan: PagePlan): Int32Array {
  const n = new Int32Array(plan.pages);
  for (const p of plan.placements) n[p.page]! += 1 + (p.head ?? 0);
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

/**
 * Paragraphs with lines on the page, each with the change to try: one line shorter first for those whose last
 * line is short (little to squeeze in), then one line longer for those whose last line is nearly full.
 */
function candidates(plan: PagePlan, lines: BodyLine[], page: number): [number, number][] {
  const ends = new Map<number, number>();
  // Placements are in flow order, so a page's lines are one run of them, and a paragraph's lines are contiguous.
  for (let k = firstOn(plan, page); k < plan.placements.length && plan.placements[k]!.page === page; k++) {
    const i = plan.placements[k]!.item;
    const l = lines[i]!;
    if (ends.has(l.para)) continue;
    const last = lines[i + (l.count - 1 - l.index)]!;
    ends.set(l.para, last.line.end);
  }
  const byEnd = [...ends.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([para]) => para);
  const shorter = byEnd.slice(0, TRIES).map((para): [number, number] => [para, -1]);
  const longer = byEnd.reverse().slice(0, TRIES).map((para): [number, number] => [para, 1]);
  return [...shorter, ...longer];
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
