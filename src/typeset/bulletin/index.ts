/**
 * Issue + font metrics → Layout: the masthead and contents on page 1, the body flowing on the grid, the
 * distribution footer at the foot of the last page, page numbers, links from the contents, bookmarks.
 * Pure: no PDF, no files; the same input gives the same layout.
 */
import type { Issue } from '../../issue/model.js';
import { AtomBuilder } from '../text/atoms.js';
import { gridBaseline } from '../geometry.js';
import { gridOf } from '../../compose/geometry.js';
import { fillPages } from './fill-pages.js';
import type { Fonts, Layout, LayoutPage } from '../types.js';
import type { LayoutCache } from '../layout-cache.js';
import { layoutBody } from './body.js';
import { layoutContents } from './contents.js';
import { layoutFooter } from './footer.js';
import { Flow } from './lines.js';
import { layoutMasthead } from './masthead.js';
import { layoutPageNumber } from './page-number.js';
import { placeRuns } from './place.js';
import { stylesOf } from './style.js';

/** `cache` (optional) keeps set paragraphs for the next layout in this process: rebuilds set only what changed. */
export function layoutIssue(issue: Issue, fonts: Fonts, cache?: LayoutCache): Layout {
  const grid = gridOf(issue.series.page);
  const st = stylesOf(grid, issue.series.colour);
  const builder = new AtomBuilder(fonts, cache);
  const masthead = layoutMasthead(issue, builder, st);
  const flow = new Flow();
  layoutContents(issue, builder, st, flow);
  layoutBody(issue, builder, st, flow);
  const footer = layoutFooter(issue, builder, st);
  const { lines, plan } = fillPages(flow, {
    linesPerPage: grid.linesPerPage,
    firstPageStart: masthead.slots,
    footerSlots: footer?.slots ?? 0,
  });
  const pages: LayoutPage[] = Array.from({ length: plan.pages }, () => ({ items: [] }));
  pages[0]!.items.push(...masthead.items);
  for (const p of plan.placements) {
    const bl = lines[p.item]!;
    const page = pages[p.page]!;
    const y = gridBaseline(grid, p.slot, bl.size);
    page.items.push(...placeRuns(bl.line.runs, grid.left, y));
    const cellTop = grid.top + p.slot * grid.linePitch;
    for (const name of bl.anchors ?? (bl.anchor ? [bl.anchor] : [])) page.items.push({ kind: 'anchor', name, x: grid.left, y: cellTop });
    if (bl.link) {
      page.items.push({ kind: 'link', x: grid.left + bl.line.start, y: cellTop, w: bl.line.end - bl.line.start, h: grid.linePitch, target: bl.link });
    }
  }
  // A footer taller than a page (dozens of distribution lines) starts at the top and runs past the type area.
  if (footer) pages[plan.footerPage]!.items.push(...footer.draw(Math.max(0, grid.linesPerPage - footer.slots)));
  pages.forEach((page, i) => page.items.push(...layoutPageNumber(i + 1, builder, st, fonts, issue.series.page.pageNumbers)));
  return {
    width: grid.pageWidth,
    height: grid.pageHeight,
    pages,
    outline: flow.outline,
    missing: [...masthead.missing, ...flow.missing, ...(footer?.missing ?? [])],
  };
}
