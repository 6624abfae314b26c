/**
 * The document's spans and paragraphs in the engine's terms: `spacing` becomes tracking in points, a written
 * source becomes the place a missing character is reported at, a paragraph's right indent its measure.
 */
import type { Grid } from '../compose/geometry.js';
import type { Paragraph, Span as DocSpan } from '../compose/doc.js';
import type { Span } from './text/atoms.js';
import { naturalWidth, type ParagraphSpec } from './paragraph.js';
import type { AtomBuilder } from './text/atoms.js';

export function engineSpan(s: DocSpan, grid: Grid): Span {
  const out: Span = { text: s.text, role: s.role, size: s.size };
  if (s.weight === 'bold') out.bold = true;
  if (s.colour) out.colour = s.colour;
  if (s.noBreak) out.noBreak = true;
  if (s.source?.kind === 'written') {
    out.ref = s.source.ref;
    if (s.source.skip) out.refShift = s.source.skip;
  }
  if (s.spacing === 'grid') out.tracking = grid.pitch - s.size;
  else if (s.spacing !== undefined) out.tracking = s.spacing * s.size;
  return out;
}

/** The engine's spec of a paragraph set in the type area (its hanging label measured when its room is the label's own). */
export function paragraphSpec(p: Paragraph, grid: Grid, builder: AtomBuilder): ParagraphSpec {
  const spec: ParagraphSpec = { spans: p.spans.map((s) => engineSpan(s, grid)), width: grid.width - (p.right ?? 0), align: p.align };
  if (p.left !== undefined) spec.left = p.left;
  if (p.indent !== undefined) spec.indent = p.indent;
  if (p.hang) {
    const label = engineSpan(p.hang.label, grid);
    const w = p.hang.width;
    spec.hang = { label, width: typeof w === 'number' ? w : naturalWidth(builder, [label]) + w.gap };
  }
  if (p.trailer) spec.trailer = engineSpan(p.trailer, grid);
  if (p.balance) spec.balance = true;
  return spec;
}

/** The size a paragraph's lines are centred in their grid line by: its largest text. */
export function lineSize(p: Paragraph): number {
  return Math.max(...p.spans.map((s) => s.size), p.hang?.label.size ?? 0, p.trailer?.size ?? 0);
}
