/**
 * The blocks that flow on the grid between the masthead and the footer, as paragraphs of the Flow: paragraphs and
 * section labels as they are; the contents as its heading and entries, the numbers of its entries hung in one
 * column as wide as the widest of them.
 */
import type { ContentsBlock, FlowParagraph } from '../compose/doc.js';
import type { Grid } from '../compose/geometry.js';
import type { Flow } from './lines.js';
import { naturalWidth, setParagraph, type ParagraphSpec } from './paragraph.js';
import { engineSpan, lineSize, paragraphSpec } from './spans.js';
import type { AtomBuilder } from './text/atoms.js';

export function addParagraph(flow: Flow, p: FlowParagraph, grid: Grid, builder: AtomBuilder, adjust?: (spec: ParagraphSpec) => void): void {
  const spec = paragraphSpec(p, grid, builder);
  adjust?.(spec);
  const extra: { anchor?: string; link?: string; keepWithNext?: boolean } = {};
  if (p.anchor) extra.anchor = p.anchor;
  if (p.link) extra.link = p.link;
  if (p.keepWithNext) extra.keepWithNext = true;
  // Pagination may ask a loosenable paragraph for its lines broken one character narrower from line `from` on.
  const make = (from?: number) => setParagraph(builder, from === undefined ? spec : { ...spec, narrow: { from, by: grid.pitch } });
  flow.add(make, lineSize(p), extra, p.loosen ?? false);
}

export function addContents(flow: Flow, block: ContentsBlock, grid: Grid, builder: AtomBuilder): void {
  addParagraph(flow, block.heading, grid, builder);
  // Numbers share one width, so titles start in one column: the widest number plus the gap.
  const numbers = block.entries.flatMap((e) => (e.number ? [engineSpan(e.number, grid)] : []));
  const column = Math.max(0, ...numbers.map((n) => naturalWidth(builder, [n]))) + block.numberGap;
  for (const entry of block.entries) {
    if (entry.level === 1) {
      addParagraph(flow, entry.paragraph, grid, builder);
      continue;
    }
    const number = entry.number;
    addParagraph(flow, entry.paragraph, grid, builder, (spec) => {
      if (number) spec.hang = { label: engineSpan(number, grid), width: column };
      else spec.left = (spec.left ?? 0) + column;
    });
  }
}
