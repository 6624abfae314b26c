/**
 * BulletinDoc + font metrics → Layout: the masthead band at the top of page 1, the flow on the grid below it, the
 * footer band at the foot of the last page, page numbers, links, anchors, bookmarks. Breaks lines and paginates;
 * every other decision was made by the composition. Pure: no PDF, no files; the same input gives the same layout.
 */
import type { BulletinDoc } from '../compose/doc.js';
import { AtomBuilder } from './text/atoms.js';
import { gridBaseline } from './geometry.js';
import { fillPages } from './fill-pages.js';
import { addContents, addParagraph, addSignature, addSpace } from './flow-blocks.js';
import { addFigure } from './figure.js';
import { addTable } from './table.js';
import type { LayoutCache } from './layout-cache.js';
import { Flow, type BoxUnit } from './lines.js';
import { layoutPageNumber } from './page-number.js';
import { placeRuns, shiftItems } from './place.js';
import { setBand, type Band } from './rows.js';
import type { FontFace, Fonts, Layout, LayoutPage, PageItem } from './types.js';

/** `cache` (optional) keeps set paragraphs for the next layout in this process: rebuilds set only what changed. */
export function typesetDoc(doc: BulletinDoc, fonts: Fonts, cache?: LayoutCache): Layout {
  const { grid } = doc;
  const builder = new AtomBuilder(fonts, cache);
  const flow = new Flow();
  let masthead: Band | undefined;
  let footer: Band | undefined;
  for (const block of doc.blocks) {
    // An article's title, attachments note and signature end or begin an article: a photo or table written above
    // them is never set below them (see FlowItem.fence).
    const fenced = block.kind === 'title' || block.kind === 'attachments' || block.kind === 'signature' ? flow.length : -1;
    switch (block.kind) {
      case 'masthead':
        masthead = setBand(block.rows, grid, builder);
        break;
      case 'footer':
        footer = setBand(block.rows, grid, builder);
        break;
      case 'contents':
        addContents(flow, block, grid, builder);
        break;
      case 'section-label':
      case 'paragraph':
      case 'title':
        addParagraph(flow, block, grid, builder);
        break;
      case 'figure':
        addFigure(flow, block, grid, builder);
        break;
      case 'table':
        addTable(flow, block, grid, builder);
        break;
      case 'space':
        addSpace(flow, block);
        break;
      case 'attachments':
        for (const p of block.paragraphs) addParagraph(flow, p, grid, builder);
        break;
      case 'signature':
        addSignature(flow, block, grid, builder);
        break;
    }
    if (fenced >= 0) flow.fence(fenced);
  }
  const { lines, plan } = fillPages(flow, {
    linesPerPage: grid.linesPerPage,
    firstPageStart: masthead?.slots ?? 0,
    footerSlots: footer?.slots ?? 0,
  });
  const pages: LayoutPage[] = Array.from({ length: plan.pages }, () => ({ items: [] }));
  if (masthead) pages[0]!.items.push(...masthead.draw(0));
  for (const p of plan.placements) {
    const bl = lines[p.item]!;
    const page = pages[p.page]!;
    const y = gridBaseline(grid, p.slot, bl.size);
    page.items.push(...placeRuns(bl.line.runs, grid.left, y));
    const cellTop = grid.top + p.slot * grid.linePitch;
    if (bl.box) page.items.push(...drawBox(bl.box, cellTop, p.head, grid.linePitch));
    for (const name of bl.anchors ?? (bl.anchor ? [bl.anchor] : [])) page.items.push({ kind: 'anchor', name, x: grid.left, y: cellTop });
    if (bl.link) {
      page.items.push({ kind: 'link', x: grid.left + bl.line.start, y: cellTop, w: bl.line.end - bl.line.start, h: grid.linePitch, target: bl.link });
    }
  }
  // A footer taller than a page (dozens of distribution lines) starts at the top and runs past the type area.
  if (footer) pages[plan.footerPage]!.items.push(...footer.draw(Math.max(0, grid.linesPerPage - footer.slots)));
  pages.forEach((page, i) => page.items.push(...layoutPageNumber(i + 1, doc.pageNumbers, grid, builder, fonts)));
  return {
    width: grid.pageWidth,
    height: grid.pageHeight,
    fonts: facesUsed(pages, fonts),
    pages,
    outline: doc.outline,
    missing: [...(masthead?.missing ?? []), ...flow.missing, ...(footer?.missing ?? [])],
  };
}

/** A photo or table row at the top of its line; a table's header above it when pagination kept it room there. */
function drawBox(box: BoxUnit, top: number, head: number | undefined, linePitch: number): PageItem[] {
  const out = shiftItems(box.items, top);
  if (head && box.head) out.unshift(...shiftItems(box.head.items, top - head * linePitch));
  return out;
}

/** The faces of the role chains that some run names, once each, in role and chain order. */
function facesUsed(pages: LayoutPage[], fonts: Fonts): FontFace[] {
  const keys = new Set(pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'run' ? [i.font] : []))));
  const out = new Map<string, FontFace>();
  for (const chain of Object.values(fonts)) for (const f of chain.faces) if (keys.has(f.key) && !out.has(f.key)) out.set(f.key, f);
  return [...out.values()];
}
