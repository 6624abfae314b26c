/**
 * The blocks that flow on the grid between the masthead and the footer, as paragraphs of the Flow: paragraphs and
 * section labels as they are; the contents as its heading and entries, the numbers of its entries hung in one
 * column as wide as the widest of them.
 */
import type { ContentsBlock, FlowParagraph, SignatureBlock, SpaceBlock } from '../compose/doc.js';
import type { Grid } from '../compose/geometry.js';
import type { Flow } from './lines.js';
import { naturalWidth, setParagraph, type ParagraphSpec, type SetParagraph } from './paragraph.js';
import { engineSpan, lineSize, paragraphSpec } from './spans.js';
import type { AtomBuilder } from './text/atoms.js';

export function addParagraph(flow: Flow, p: FlowParagraph, grid: Grid, builder: AtomBuilder, adjust?: (spec: ParagraphSpec) => void): void {
  const spec = paragraphSpec(p, grid, builder);
  adjust?.(spec);
  const extra: { anchor?: string; link?: string; keepWithNext?: boolean } = {};
  if (p.anchor) extra.anchor = p.anchor;
  if (p.link) extra.link = p.link;
  if (p.keepWithNext) extra.keepWithNext = true;
  // Pagination may ask an adjustable paragraph for a variant a line shorter or longer, every line on the grid.
  flow.add(() => setParagraph(builder, spec), lineSize(p), extra, p.loosen ?? false);
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

/** Empty grid lines: kept with what follows; at a page's head they take no room (see paginate). */
export function addSpace(flow: Flow, block: SpaceBlock): void {
  const blank: SetParagraph = { lines: Array.from({ length: block.lines }, () => ({ runs: [], start: 0, end: 0 })), missing: [] };
  flow.add(() => blank, 0, { keepWithNext: true, blank: true });
}

/** 落款: the organ's and the date's left edges from their widths (GB/T 9704 §7.3.5); the two never part. */
export function addSignature(flow: Flow, block: SignatureBlock, grid: Grid, builder: AtomBuilder): void {
  const organ = engineSpan(block.organ, grid);
  const date = engineSpan(block.date, grid);
  // The last character's grid tracking is room after the ink, not ink: measured without it, the ink ends `right` in.
  const ink = (s: typeof organ): number => naturalWidth(builder, [s]) - (s.tracking ?? 0);
  const edge = grid.width - block.right;
  let organLeft = edge - ink(organ);
  let dateLeft = organLeft + block.shift;
  if (dateLeft + ink(date) > edge) {
    dateLeft = edge - ink(date);
    organLeft = dateLeft - block.shift;
  }
  const line = (span: typeof organ, left: number, keep: boolean): void => {
    const spec: ParagraphSpec = { spans: [span], width: grid.width, align: 'left', left: Math.max(0, left) };
    flow.add(() => setParagraph(builder, spec), span.size, keep ? { keepWithNext: true } : {});
  };
  line(organ, organLeft, true);
  line(date, dateLeft, false);
}
