/**
 * The bulletin's type styles, all derived from the grid: 3号 body on the character grid, 4号 (14 pt) for the
 * distribution footer and page numbers (GB/T 9704 §7.4–7.5), red for the masthead; and the spans' sources.
 */
import type { Colour, FontRole, Issue, SourceRef } from '../issue/model.js';
import type { DerivedText, Span, SpanSource } from './doc.js';
import type { Grid } from './geometry.js';

export const BLACK: Colour = { space: 'cmyk', values: [0, 0, 0, 100] };
/** 4号 */
export const SIZE_4 = 14;

/** Text exactly as written at `ref` (absent: the composition's own wording). */
export function written(ref: SourceRef | undefined, skip = 0, length?: number): SpanSource | undefined {
  if (!ref) return undefined;
  const s: SpanSource = { kind: 'written', ref };
  if (skip) s.skip = skip;
  if (length !== undefined) s.length = length;
  return s;
}

export const derived = (ref: SourceRef, what: DerivedText): SpanSource => ({ kind: 'derived', ref, what });

/**
 * Where a series setting was written (issue file or series file); `index` picks an item of a list setting
 * (offices, editors).
 */
export function settingRef(issue: Issue, key: string, index?: number): SourceRef | undefined {
  const ref = issue.series.refs?.[key];
  if (!ref) return undefined;
  return index === undefined ? ref : { file: ref.file, path: [...ref.path, index] };
}

export interface Styles {
  grid: Grid;
  red: Colour;
  /** A span in the body style: 3号 on the character grid. */
  body(text: string, role?: FontRole, source?: SpanSource): Span;
  /** A span at another size, with letter-spacing in em. */
  at(text: string, role: FontRole, size: number, source?: SpanSource): Span;
}

export function stylesOf(grid: Grid, red: Colour): Styles {
  return {
    grid,
    red,
    body(text, role = 'body', source) {
      const s: Span = { text, role, size: grid.bodySize, spacing: 'grid' };
      if (source) s.source = source;
      return s;
    },
    at(text, role, size, source) {
      const s: Span = { text, role, size };
      if (source) s.source = source;
      return s;
    },
  };
}
