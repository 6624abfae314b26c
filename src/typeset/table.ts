/**
 * A TableBlock → box units, one per row: every row takes a whole number of grid lines (its tallest cell's lines
 * plus padding, rounded up), so the table's foot and the text after it stay on the grid. The title, the header and
 * the first row make one unit (a header never ends a page alone); each later row carries the header to draw again
 * when it begins a page. Cells are broken like body text (禁则, compression, justification) in their column. A row
 * that alone is taller than a page is the one thing split: into parts that each fit below the repeated header.
 */
import type { Paragraph, TableBlock, TableCell } from '../compose/doc.js';
import type { Grid } from '../compose/geometry.js';
import { EM_BOX_ASCENT, gridBaseline } from './geometry.js';
import type { BoxUnit, Flow } from './lines.js';
import { setParagraph, type SetLine } from './paragraph.js';
import { placeRuns, shiftItems } from './place.js';
import { engineSpan, lineSize } from './spans.js';
import type { AtomBuilder } from './text/atoms.js';
import type { MissingChar, PageItem } from './types.js';

/** pt above and below a row's text, at least. */
const ROW_PADDING = 4;

interface SetRow {
  slots: number;
  /** Items from the row's top. */
  items: PageItem[];
}

export function addTable(flow: Flow, block: TableBlock, grid: Grid, builder: AtomBuilder): void {
  for (const unit of tableUnits(block, grid, builder)) flow.addBox(unit);
}

export function tableUnits(block: TableBlock, grid: Grid, builder: AtomBuilder): BoxUnit[] {
  const missing: MissingChar[] = [];
  const title = block.title ? setTitle(block.title, grid, builder, missing) : undefined;
  const header = block.header ? setRow(block.header, block, grid, builder, missing, Infinity)[0] : undefined;
  // A row taller than a page, with the title and header above it, is the one row that is split.
  const room = Math.max(1, grid.linesPerPage - (header?.slots ?? 0) - (title?.slots ?? 0));
  const rows = block.rows.flatMap((cells) => setRow(cells, block, grid, builder, missing, room));
  let first: SetRow = { slots: 0, items: [] };
  if (title) first = stack(first, title, grid);
  if (header) first = stack(first, header, grid);
  first = stack(first, rows[0]!, grid);
  const units: BoxUnit[] = [{ slots: first.slots, items: first.items, missing }];
  for (const r of rows.slice(1)) {
    const unit: BoxUnit = { slots: r.slots, items: r.items };
    if (header) unit.head = { slots: header.slots, items: header.items };
    units.push(unit);
  }
  return units;
}

function stack(a: SetRow, b: SetRow, grid: Grid): SetRow {
  const dy = a.slots * grid.linePitch;
  return { slots: a.slots + b.slots, items: [...a.items, ...shiftItems(b.items, dy)] };
}

/** The title, centred, each line on a grid line. */
function setTitle(p: Paragraph, grid: Grid, builder: AtomBuilder, missing: MissingChar[]): SetRow {
  const set = setParagraph(builder, { spans: p.spans.map((s) => engineSpan(s, grid)), width: grid.width, align: p.align });
  missing.push(...set.missing);
  const size = lineSize(p);
  const items = set.lines.flatMap((line, i) => placeRuns(line.runs, grid.left, gridBaseline(grid, i, size) - grid.top));
  return { slots: Math.max(1, set.lines.length), items };
}

/**
 * A row as one SetRow, its cells centred in its height; or, when it needs more than `room` grid lines, as parts of
 * at most `room` lines each, every cell's text continuing from the top of the next part, each part ruled round.
 */
function setRow(cells: TableCell[], block: TableBlock, grid: Grid, builder: AtomBuilder, missing: MissingChar[], room: number): SetRow[] {
  const set: SetLine[][] = cells.map((c, i) => {
    const spec = { spans: c.paragraph.spans.map((s) => engineSpan(s, grid)), width: Math.max(1, block.columns[i]! - 2 * block.padding), align: c.paragraph.align };
    const p = setParagraph(builder, spec);
    missing.push(...p.missing);
    return p.lines;
  });
  const slotsFor = (lines: number): number => Math.max(1, Math.ceil((lines * block.leading + 2 * ROW_PADDING) / grid.linePitch - 1e-6));
  const most = Math.max(1, ...set.map((l) => l.length));
  if (slotsFor(most) <= room) return [drawRow(set, cells, block, grid, slotsFor(most), 'middle')];
  const per = Math.max(1, Math.floor((room * grid.linePitch - 2 * ROW_PADDING) / block.leading + 1e-6));
  const parts: SetRow[] = [];
  for (let from = 0; from < most; from += per) {
    parts.push(drawRow(set.map((l) => l.slice(from, from + per)), cells, block, grid, slotsFor(Math.min(per, most - from)), 'top'));
  }
  return parts;
}

function drawRow(set: SetLine[][], cells: TableCell[], block: TableBlock, grid: Grid, slots: number, valign: 'middle' | 'top'): SetRow {
  const height = slots * grid.linePitch;
  const items: PageItem[] = [];
  let x = grid.left;
  set.forEach((lines, i) => {
    const size = cells[i] ? lineSize(cells[i]!.paragraph) : block.leading;
    const top = valign === 'top' ? ROW_PADDING : (height - lines.length * block.leading) / 2;
    lines.forEach((line, k) => {
      const y = top + k * block.leading + (block.leading - size) / 2 + EM_BOX_ASCENT * size;
      items.push(...placeRuns(line.runs, x + block.padding, y));
    });
    x += block.columns[i]!;
  });
  const rule = (x1: number, y1: number, x2: number, y2: number): PageItem => ({ kind: 'rule', x1, y1, x2, y2, width: block.rule.width, colour: block.rule.colour });
  const right = grid.left + block.columns.reduce((a, b) => a + b, 0);
  items.push(rule(grid.left, 0, right, 0), rule(grid.left, height, right, height));
  let edge = grid.left;
  items.push(rule(edge, 0, edge, height));
  for (const w of block.columns) {
    edge += w;
    items.push(rule(edge, 0, edge, height));
  }
  return { slots, items };
}
