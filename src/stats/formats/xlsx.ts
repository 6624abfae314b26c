/**
 * The .xlsx workbook: a summary sheet (heading, the table grouped as asked, the totals row, the notes) and a sheet
 * listing every credit (date, bulletin, issue, number, section, title, source, unit, points, marks, file) with a
 * filter on its header. Written by exceljs (loaded only for this format); the bytes are the same for the same
 * input: the workbook's dates and the zip's time stamps are the latest issue's day.
 */
import type { Lang } from '../../diagnostics.js';
import { displayWidth } from '../../i18n/display-width.js';
import { translator } from '../../i18n/lang.js';
import type { SkippedFile, StatsBy, StatsReport } from '../types.js';
import { listMatrix, summaryMatrix, type Matrix } from './matrix.js';
import { notes } from './table.js';
import { stampZip } from './zip-times.js';

export interface XlsxOptions {
  by: StatsBy;
  lang: Lang;
  skipped: SkippedFile[];
}

/** Rows above the summary table: heading, counts, a blank line. */
export const SUMMARY_HEADER_ROW = 4;

type Sheet = import('exceljs').Worksheet;

function widths(sheet: Sheet, m: Matrix, from: number): void {
  m.header.forEach((h, i) => {
    const cells = [h, ...m.rows.map((r) => r[i]), ...(m.totals ? [m.totals[i]] : [])].map((c) => String(c ?? ''));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(6, ...cells.map((c) => displayWidth(c) + 2)));
  });
  sheet.getRow(from).font = { bold: true };
}

export async function formatXlsx(report: StatsReport, options: XlsxOptions): Promise<Uint8Array> {
  const { Workbook } = (await import('exceljs')).default;
  const t = translator(options.lang);
  const day = report.credits.at(-1)?.issue.date.iso ?? report.period.to ?? '1980-01-01';
  const wb = new Workbook();
  wb.creator = 'bulletin';
  wb.lastModifiedBy = 'bulletin';
  wb.created = new Date(`${day}T00:00:00Z`);
  wb.modified = wb.created;

  const summary = summaryMatrix(report, options.by, options.lang);
  const s = wb.addWorksheet(t('统计', 'Summary'), { views: [{ state: 'frozen', ySplit: SUMMARY_HEADER_ROW }] });
  s.addRow([t(`信息采用统计：${report.period.label.zh}`, `Submissions used: ${report.period.label.en}`)]).font = { bold: true, size: 14 };
  s.addRow([t(`共 ${report.issues} 期简报，${report.items} 条信息`, `${report.issues} issue(s), ${report.items} item(s)`)]);
  s.addRow([]);
  s.addRow(summary.header);
  for (const r of summary.rows) s.addRow(r);
  const totals = s.addRow(summary.totals ?? []);
  totals.font = { bold: true };
  totals.eachCell((c) => (c.border = { top: { style: 'thin' } }));
  widths(s, summary, SUMMARY_HEADER_ROW);
  // The first column holds the heading too: its width is the table's, the heading runs over.
  const lines = notes(report, { lang: options.lang, skipped: options.skipped });
  if (lines.length > 0) s.addRow([]);
  for (const line of lines) s.addRow([line]);

  const list = listMatrix(report, options.lang);
  const l = wb.addWorksheet(t('明细', 'Items'), { views: [{ state: 'frozen', ySplit: 1 }] });
  l.addRow(list.header);
  for (const r of list.rows) l.addRow(r);
  widths(l, list, 1);
  l.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: list.header.length } };

  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  if (!stampZip(bytes, day)) throw new Error('the .xlsx written by exceljs is not a zip as expected');
  return bytes;
}
