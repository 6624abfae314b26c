/** Page geometry and the character grid (GB/T 9704-2012 §5.2), in points. */
import type { PageSettings } from '../issue/model.js';

export const PT_PER_MM = 72 / 25.4;
export const mm = (v: number): number => v * PT_PER_MM;

/**
 * The ideographic em box sits 0.88 em above and 0.12 em below the baseline in CJK fonts (OS/2 typo metrics of
 * Noto/Source Han, and the convention of 仿宋_GB2312 et al.); used to centre lines in their grid cell.
 */
export const EM_BOX_ASCENT = 0.88;

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

/** Baseline of grid line `i` (0-based) for text of `size`: its em box centred in the line's cell. */
export function gridBaseline(grid: Grid, i: number, size = grid.bodySize): number {
  return grid.top + i * grid.linePitch + (grid.linePitch - size) / 2 + EM_BOX_ASCENT * size;
}
