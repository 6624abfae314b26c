/** Page geometry and the character grid (GB/T 9704-2012 §5.2), from the page settings in millimetres to points. */
import type { PageSettings } from '../issue/model.js';

export const PT_PER_MM = 72 / 25.4;
export const mm = (v: number): number => v * PT_PER_MM;

export interface Grid {
  pageWidth: number;
  pageHeight: number;
  /** Type area (版心), absolute. */
  left: number;
  top: number;
  width: number;
  height: number;
  bodySize: number;
  /** Character pitch: type width / characters per line. */
  pitch: number;
  /** Line pitch: type height / lines per page. */
  linePitch: number;
  charsPerLine: number;
  linesPerPage: number;
}

export function gridOf(page: PageSettings): Grid {
  const width = mm(page.typeWidthMm);
  const height = mm(page.typeHeightMm);
  return {
    pageWidth: mm(page.widthMm),
    pageHeight: mm(page.heightMm),
    left: mm(page.leftMm),
    top: mm(page.topMm),
    width,
    height,
    bodySize: page.bodySizePt,
    pitch: width / page.charsPerLine,
    linePitch: height / page.linesPerPage,
    charsPerLine: page.charsPerLine,
    linesPerPage: page.linesPerPage,
  };
}
