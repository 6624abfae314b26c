/**
 * A TableBlock → box units, one per row: every row takes a whole number of grid lines (its tallest cell's lines
 * plus padding, rounded up), so the table's foot and the text after it stay on the grid. The title, the header and
 * the first row make one unit (a header never ends a page alone); each later row carries the header to draw again
 * when it begins a page. Cells are broken like body text (禁则, compression, justification) in their column.
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
  const row = (cells: TableCell[]): SetRow => setRow(cells, block, grid, builder, missing);
  const header = block.header ? row(block.header) : undefined;
  const rows = block.rows.map(row);
  let first: SetRow = { slots: 0, items: [] };
  if (block.title) first = stack(first, setTitle(block.title, grid, builder, missing), grid);
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

function setRow(cells: TableCell[], block: TableBlock, grid: Grid, builder: AtomBuilder, missing: MissingChar[]): SetRow {
  const set: SetLine[][] = cells.map((c, i) => {
    const spec = { spans: c.paragraph.spans.map((s) => engineSpan(s, grid)), width: Math.max(1, block.columns[i]! - 2 * block.padding), align: c.paragraph.align };
    const p = setParagraph(builder, spec);
    missing.push(...p.missing);
    return p.lines;
  });
  const most = Math.max(1, ...set.map((l) => l.length));
  const slots = Math.max(1, Math.ceil((most * block.leading + 2 * ROW_PADDING) / grid.linePitch - 1e-6));
  const height = slots * grid.linePitch;
  const items: PageItem[] = [];
  let x = grid.left;
  set.forEach((lines, i) => {
    const size = cells[i] ? lineSize(cells[i]!.paragraph) : block.leading;
    const top = (height - lines.length * block.leading) / 2;
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
