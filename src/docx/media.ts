/**
 * Photos and tables in the .docx (issue 14): a photo row is a borderless table, a photo above its caption in each
 * column; a table is a Word table with 0.5 pt single borders whose header row repeats on every page and whose rows
 * never split. Images are the ones the build prepared for print (the original file when there is none).
 */
import { readFileSync } from 'node:fs';
import { AlignmentType, BorderStyle, ImageRun, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import type { PlanMedia, PlanParagraph } from './plan.js';

/** docx.js sizes images in pixels at 96 per inch. */
const px = (pt: number): number => Math.round((pt * 96) / 72);

export function mediaOf(m: PlanMedia, width: number, para: (p: PlanParagraph) => Paragraph, images: ReadonlyMap<string, Uint8Array>): (Paragraph | Table)[] {
  return m.kind === 'figure' ? [figure(m, width, para, images)] : table(m, para);
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function figure(m: Extract<PlanMedia, { kind: 'figure' }>, width: number, para: (p: PlanParagraph) => Paragraph, images: ReadonlyMap<string, Uint8Array>): Table {
  const columns = m.photos.map(() => Math.floor(width / m.photos.length));
  const cells = m.photos.map((p) => {
    const data = images.get(p.file) ?? readFileSync(p.file);
    const type = data[0] === 0x89 ? 'png' : 'jpg';
    const image = new Paragraph({
      alignment: AlignmentType.CENTER,
      // An exact line height (the grid's) would clip the picture to one line.
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120 },
      children: [new ImageRun({ type, data, transformation: { width: px(p.width), height: px(p.height) } })],
    });
    return new TableCell({ borders: noBorders, children: [image, ...(p.caption ? [para(p.caption)] : [])] });
  });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [new TableRow({ cantSplit: true, children: cells })],
  });
}

function table(m: Extract<PlanMedia, { kind: 'table' }>, para: (p: PlanParagraph) => Paragraph): (Paragraph | Table)[] {
  const line = { style: BorderStyle.SINGLE, size: m.rule.size, color: m.rule.colour };
  const row = (cells: PlanParagraph[], header = false): TableRow =>
    new TableRow({
      cantSplit: true,
      tableHeader: header,
      children: cells.map((c, i) => new TableCell({ width: { size: m.columns[i]!, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [para(c)] })),
    });
  const width = m.columns.reduce((a, b) => a + b, 0);
  const t = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: m.columns,
    layout: TableLayoutType.FIXED,
    margins: { top: 60, bottom: 60, left: m.padding, right: m.padding },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [...(m.header ? [row(m.header, true)] : []), ...m.rows.map((r) => row(r))],
  });
  return m.title ? [para(m.title), t] : [t];
}
