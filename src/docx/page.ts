/**
 * The section: A4 with the GB/T 9704 margins (from the grid), a line grid of the page's lines, and the page numbers
 * "— N —" in footers — odd pages right and even pages left, one character in from the edge (§7.5), or centred.
 */
import { Footer, type ISectionPropertiesOptions, type Paragraph } from 'docx';
import type { BulletinDoc } from '../compose/doc.js';
import type { ParaLook, RunLook } from './plan.js';
import { halfPoints, hexOf, twips } from './units.js';

/** How far down its line box a "—" starts to ink, in em (the dash sits a little above the middle of the em box). */
const DASH_TOP_EM = 0.4;

export interface FooterLine {
  align: 'left' | 'center' | 'right';
  left: number;
  right: number;
  prefix: string;
  suffix: string;
}

export interface PageSection {
  properties: ISectionPropertiesOptions;
  evenAndOdd: boolean;
  footers(paragraph: (line: FooterLine) => Paragraph): { default: Footer; even?: Footer };
  /** The 页码 style, which no body paragraph uses. */
  pageNumberStyle: { kind: 'pageNumber'; look: ParaLook; run: RunLook };
}

export function pageSection(doc: BulletinDoc, gridLine: number): PageSection {
  const g = doc.grid;
  const pn = doc.pageNumbers;
  const bottom = g.pageHeight - g.top - g.height;
  // The footer's distance from the paper's foot puts the dash's top `below` under the type area: the line is exactly
  // the number's size, so its foot is one size under where the dash starts less the dash's place in it.
  const footer = bottom - pn.below - pn.style.size * (1 - DASH_TOP_EM);
  const outside = pn.placement === 'outside';
  const line = (side: 'left' | 'right' | 'center'): FooterLine => ({
    align: side,
    left: side === 'left' ? twips(pn.inset) : 0,
    right: side === 'right' ? twips(pn.inset) : 0,
    prefix: pn.prefix,
    suffix: pn.suffix,
  });
  const run: RunLook = { role: pn.style.role, size: halfPoints(pn.style.size), spacing: 0, bold: pn.style.weight === 'bold', scale: 100 };
  if (pn.style.colour) run.colour = hexOf(pn.style.colour);
  const odd = line(outside ? 'right' : 'center');
  return {
    properties: {
      page: {
        size: { width: twips(g.pageWidth), height: twips(g.pageHeight) },
        margin: {
          top: twips(g.top),
          left: twips(g.left),
          right: twips(g.pageWidth - g.left - g.width),
          bottom: twips(bottom),
          header: twips(g.top / 2),
          footer: twips(Math.max(0, footer)),
          gutter: 0,
        },
      },
      // Lines only: Word holds the 22 lines; the 28 characters come from the body style's character spacing, which
      // Word and LibreOffice both honour (LibreOffice reads a linesAndChars grid's charSpace as a cell twice as wide).
      grid: { type: 'lines', linePitch: gridLine },
    },
    evenAndOdd: outside,
    footers: (paragraph) => (outside ? { default: new Footer({ children: [paragraph(odd)] }), even: new Footer({ children: [paragraph(line('left'))] }) } : { default: new Footer({ children: [paragraph(odd)] }) }),
    pageNumberStyle: { kind: 'pageNumber', look: { align: odd.align, left: odd.left, right: odd.right, first: 0, line: twips(pn.style.size) }, run },
  };
}
