/**
 * The bulletin's type styles, all derived from the grid: 3号 (16 pt) body on the 28 × 22 grid, 4号 (14 pt) for
 * the distribution footer and page numbers (GB/T 9704 §7.4–7.5), a large red masthead name (§2 of the brief).
 */
import type { Colour, FontRole, Issue, SourceRef } from '../../issue/model.js';
import type { Span } from '../text/atoms.js';
import type { Grid } from '../../compose/geometry.js';

export const BLACK: Colour = { space: 'cmyk', values: [0, 0, 0, 100] };
/** 4号 */
export const SIZE_4 = 14;

/**
 * Where a series setting was written (issue file or series file), for reporting a character no font has;
 * `index` picks an item of a list setting (offices, editors).
 */
export function settingRef(issue: Issue, key: string, index?: number): SourceRef | undefined {
  const ref = issue.series.refs?.[key];
  if (!ref) return undefined;
  return index === undefined ? ref : { file: ref.file, path: [...ref.path, index] };
}

/** A span for text the layout wraps in brackets: offsets into the source skip the opening one. */
export function bracketed(span: Span, ref: SourceRef | undefined): Span {
  return ref ? { ...span, ref, refShift: 1 } : span;
}

export interface Styles {
  grid: Grid;
  red: Colour;
  /** A span in the body style: on the character grid. */
  body(text: string, role?: FontRole, ref?: SourceRef): Span;
  /** A span at another size, with letter-spacing in em. */
  at(text: string, role: FontRole, size: number, spacingEm?: number, colour?: Colour): Span;
}

export function stylesOf(grid: Grid, red: Colour): Styles {
  const tracking = grid.pitch - grid.bodySize;
  return {
    grid,
    red,
    body(text, role = 'body', ref) {
      const s: Span = { text, role, size: grid.bodySize, tracking };
      if (ref) s.ref = ref;
      return s;
    },
    at(text, role, size, spacingEm = 0, colour) {
      const s: Span = { text, role, size, tracking: spacingEm * size };
      if (colour) s.colour = colour;
      return s;
    },
  };
}
