/**
 * The tables as plain rows of cells, in the user's language: the summary (by source, section or month) and the
 * list of every credit. The terminal table, CSV and .xlsx all print these, so they always agree.
 */
import { displayPath } from '../../check/formats/stylish.js';
import type { Lang } from '../../diagnostics.js';
import { translator } from '../../i18n/lang.js';
import { roundPoints } from '../tally.js';
import type { StatsBy, StatsReport, UnitRow } from '../types.js';

export type Cell = string | number;

export interface Matrix {
  header: string[];
  rows: Cell[][];
  /** The totals row (absent for the list). */
  totals?: Cell[];
  /** Columns holding numbers (right-aligned in the terminal). */
  numeric: boolean[];
}

export function unitLabel(unit: string, lang: Lang): string {
  return unit === '' ? translator(lang)('（未注明来源）', '(no source)') : unit;
}

/** A section without a label (the articles of a 专报 or 通报) gets a name in the tables. */
export function sectionName(label: string, lang: Lang): string {
  return label === '' ? translator(lang)('（文章）', '(articles)') : label;
}

function unitNote(row: Pick<UnitRow, 'unit' | 'known'>, lang: Lang): string {
  const t = translator(lang);
  if (row.unit === '') return t('未计入任何单位', 'credited to no unit');
  return row.known === false ? t('不在来源列表中', 'not in the sources list') : '';
}

/** Month columns: 1月 … 12月 within one year, 2025-11 … across years. */
export function monthLabels(months: string[], lang: Lang): string[] {
  const oneYear = new Set(months.map((m) => m.slice(0, 4))).size <= 1;
  const EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return months.map((m) => (oneYear ? (lang === 'zh' ? `${Number(m.slice(5))}月` : EN[Number(m.slice(5)) - 1]!) : m));
}

const sum = (rows: Cell[][], col: number) => rows.reduce((n, r) => n + (typeof r[col] === 'number' ? (r[col] as number) : 0), 0);

/** The summary table of `report`, grouped `by`. */
export function summaryMatrix(report: StatsReport, by: StatsBy, lang: Lang): Matrix {
  const t = translator(lang);
  if (by === 'section') {
    const rows: Cell[][] = report.sectionRows.map((s) => [sectionName(s.section, lang), s.items, s.units, s.points]);
    const allUnits = new Set(report.credits.filter((c) => c.unit !== '').map((c) => c.unit)).size;
    return {
      header: [t('栏目', 'Section'), t('采用', 'Items'), t('单位数', 'Units'), t('分值', 'Points')],
      rows,
      totals: [t('合计', 'Total'), sum(rows, 1), allUnits, roundPoints(sum(rows, 3))],
      numeric: [false, true, true, true],
    };
  }
  const middle = by === 'month' ? monthLabels(report.months, lang) : report.sections.map((s) => sectionName(s, lang));
  const cells = (u: UnitRow): Cell[] =>
    by === 'month' ? report.months.map((m) => u.months[m] ?? 0) : report.sections.map((s) => u.sections[s] ?? 0);
  const rows: Cell[][] = report.units.map((u) =>
    by === 'month'
      ? [u.rank ?? '', unitLabel(u.unit, lang), ...cells(u), u.items, u.points, unitNote(u, lang)]
      : [u.rank ?? '', unitLabel(u.unit, lang), u.items, ...cells(u), u.points, unitNote(u, lang)],
  );
  const n = middle.length;
  const totals: Cell[] =
    by === 'month'
      ? ['', t('合计', 'Total'), ...middle.map((_, i) => sum(rows, 2 + i)), report.totals.items, report.totals.points, '']
      : ['', t('合计', 'Total'), report.totals.items, ...middle.map((_, i) => sum(rows, 3 + i)), report.totals.points, ''];
  const header =
    by === 'month'
      ? [t('排名', 'Rank'), t('单位', 'Unit'), ...middle, t('合计', 'Items'), t('分值', 'Points'), t('备注', 'Note')]
      : [t('排名', 'Rank'), t('单位', 'Unit'), t('采用', 'Items'), ...middle, t('分值', 'Points'), t('备注', 'Note')];
  return { header, rows, totals, numeric: [true, false, ...Array<boolean>(n + 2).fill(true), false] };
}

/** Every credit, one row each: what a unit's head asks to see, and what a pivot table in Excel starts from. */
export function listMatrix(report: StatsReport, lang: Lang): Matrix {
  const t = translator(lang);
  return {
    header: [
      t('日期', 'Date'),
      t('简报', 'Bulletin'),
      t('期号', 'Issue'),
      t('序号', 'No.'),
      t('栏目', 'Section'),
      t('标题', 'Title'),
      t('来源', 'Source'),
      t('计入单位', 'Unit'),
      t('分值', 'Points'),
      t('加分标记', 'Marks'),
      t('文件', 'File'),
    ],
    rows: report.credits.map((c) => [
      c.issue.date.iso,
      c.issue.series.name,
      c.issue.number,
      c.item.number ?? '',
      sectionName(c.section.label, lang),
      c.title,
      c.written,
      unitLabel(c.unit, lang),
      roundPoints(c.points),
      c.marks.join(lang === 'zh' ? '、' : ', '),
      displayPath(c.issue.file),
    ]),
    numeric: [false, false, true, true, false, false, false, false, true, false, false],
  };
}
