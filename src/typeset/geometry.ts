/** Where text sits in a grid line. The grid itself (page settings → points) is composition's: src/compose/geometry.ts. */
import type { Grid } from '../compose/geometry.js';

/**
 * The ideographic em box sits 0.88 em above and 0.12 em below the baseline in CJK fonts (OS/2 typo metrics of
 * Noto/Source Han, and the convention of 仿宋_GB2312 et al.); used to centre lines in their grid cell.
 */
export const EM_BOX_ASCENT = 0.88;

/** Baseline of grid line `i` (0-based) for text of `size`: its em box centred in the line's cell. */
export function gridBaseline(grid: Grid, i: number, size = grid.bodySize): number {
  return grid.top + i * grid.linePitch + (grid.linePitch - size) / 2 + EM_BOX_ASCENT * size;
}
