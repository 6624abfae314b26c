/**
 * A table → TableBlock: cells in 4号 (the body face; the header row and the title in 黑体), ruled 0.5 pt, as wide
 * as the type area. Column widths as written (shares), else by how much text each column holds; numbers centred
 * unless told otherwise, text justified so a long cell has no ragged lines.
 */
import type { CellAlign, Table, Text } from '../issue/model.js';
import { displayWidth } from '../i18n/display-width.js';
import type { Align, Paragraph, TableBlock, TableCell } from './doc.js';
import { BLACK, SIZE_4, written, type Styles } from './styles.js';

export const CELL_SIZE = SIZE_4;
const RULE_WIDTH = 0.5;
/** A column gets room for its longest cell, up to this many characters' worth; a longer one wraps. */
const WIDE = 14;
const NUMBER = /^[\s+\-−±]?[\d.,，%‰￥¥$]+[\s%‰万亿元个件次人家户项天]*$/;

export function composeTable(t: Table, st: Styles): TableBlock {
  const { grid } = st;
  const count = t.header?.length ?? t.rows[0]?.length ?? 1;
  const aligns = Array.from({ length: count }, (_, c) => cellAlign(t, c));
  const cell = (text: Text, c: number, role: 'body' | 'heading'): TableCell => ({
    paragraph: { spans: [st.at(text.text, role, CELL_SIZE, written(text.ref))], align: role === 'heading' ? 'center' : aligns[c]! },
  });
  const block: TableBlock = {
    kind: 'table',
    rows: t.rows.map((row) => row.map((text, c) => cell(text, c, 'body'))),
    columns: columnWidths(t, count, grid.width),
    rule: { width: RULE_WIDTH, colour: BLACK },
    padding: CELL_SIZE * 0.4,
    leading: CELL_SIZE * 1.3,
  };
  if (t.header) block.header = t.header.map((text, c) => cell(text, c, 'heading'));
  if (t.title) block.title = { spans: [st.body(t.title.text, 'heading', written(t.title.ref))], align: 'center' } satisfies Paragraph;
  return block;
}

function cellAlign(t: Table, c: number): Align {
  const asked: CellAlign | undefined = t.align?.[c];
  if (asked) return asked === 'left' ? 'justify' : asked;
  const cells = t.rows.map((r) => r[c]?.text.trim() ?? '').filter((s) => s !== '');
  return cells.length > 0 && cells.every((s) => NUMBER.test(s)) ? 'center' : 'justify';
}

function columnWidths(t: Table, count: number, width: number): number[] {
  const shares = t.widths ?? Array.from({ length: count }, (_, c) => {
    const texts = [t.header?.[c], ...t.rows.map((r) => r[c])].map((x) => displayWidth(x?.text ?? '') / 2);
    return Math.min(WIDE, Math.max(2, ...texts)) + 1;
  });
  const total = shares.reduce((a, b) => a + b, 0);
  return shares.map((s) => (s / total) * width);
}
