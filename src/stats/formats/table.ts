/**
 * The terminal table: a heading with the period, the columns aligned by display width (a Chinese character
 * takes two columns), the totals row, then the notes an editor must not miss — how joint items were scored,
 * units not in the list, files left out. `--list` adds each unit's items.
 */
import { displayPath } from '../../check/formats/stylish.js';
import type { Lang } from '../../diagnostics.js';
import { displayWidth } from '../../i18n/display-width.js';
import { translator } from '../../i18n/lang.js';
import { roundPoints } from '../tally.js';
import type { Credit, SkippedFile, StatsBy, StatsReport } from '../types.js';
import { summaryMatrix, unitLabel, type Cell, type Matrix } from './matrix.js';

export interface TableOptions {
  by: StatsBy;
  lang: Lang;
  list?: boolean;
  skipped: SkippedFile[];
}

const show = (c: Cell) => (typeof c === 'number' ? String(roundPoints(c)) : c);

/** Columns padded to the widest cell by display width; numbers to the right. */
export function alignColumns(m: Matrix): string[] {
  const all = [m.header, ...m.rows, ...(m.totals ? [m.totals] : [])].map((r) => r.map(show));
  const widths = m.header.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - displayWidth(c));
        return m.numeric[i] ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((n, w) => n + w, 0) + 2 * (widths.length - 1));
  const out = [line(all[0]!), rule, ...all.slice(1, 1 + m.rows.length).map(line)];
  if (m.totals) out.push(rule, line(all[all.length - 1]!));
  return out;
}

export function formatTable(report: StatsReport, options: TableOptions): string {
  const { lang } = options;
  const t = translator(lang);
  const out: string[] = [
    t(`信息采用统计：${report.period.label.zh}`, `Submissions used: ${report.period.label.en}`),
    t(`共 ${report.issues} 期简报，${report.items} 条信息`, `${report.issues} issue(s), ${report.items} item(s)`),
    '',
  ];
  if (report.credits.length === 0) out.push(t('（这一期间没有简报）', '(no issues in this period)'));
  else out.push(...alignColumns(summaryMatrix(report, options.by, lang)));
  out.push('', ...notes(report, options));
  if (options.list && report.credits.length > 0) out.push('', ...list(report, lang));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** What the totals rest on, said under the table. */
export function notes(report: StatsReport, options: Pick<TableOptions, 'lang' | 'skipped'>): string[] {
  const t = translator(options.lang);
  const out: string[] = [];
  if (report.credits.length > 0) {
    out.push(t('分值：各栏目每条的分值、加分标记的分值见系列设置 stats.points、stats.marks（没有设置的栏目每条 1 分）', 'Points: per section and per mark as the series sets them in stats.points and stats.marks (1 an item where a section has none)'));
  }
  if (report.jointItems > 0) {
    const how =
      report.multiSource === 'split'
        ? t('每个单位各计一条，分值由各单位平分', 'each unit counts the item, and they share its points equally')
        : report.multiSource === 'each'
          ? t('每个单位各计一条、各得全部分值', 'each unit counts the item and gets all its points')
          : t('按各期的系列设置计分（有的各得全部分值，有的平分）', 'scored by each series\' setting (some give each unit all the points, some split them)');
    out.push(t(`联合来稿 ${report.jointItems} 条：${how}（stats.multiSource: ${report.multiSource}）`, `${report.jointItems} joint item(s): ${how} (stats.multiSource: ${report.multiSource})`));
  }
  const unknown = report.units.filter((u) => u.known === false).map((u) => u.unit);
  if (unknown.length > 0) {
    out.push(t(`不在系列设置 sources 列表中的来源，单独统计：${unknown.join('、')}（见上方警告）`, `sources not in the series' sources list, counted on their own: ${unknown.join(', ')} (see the warnings above)`));
  }
  if (options.skipped.length > 0) {
    const files = options.skipped.map((s) => `${displayPath(s.file)}（${s.reason.zh}）`);
    const filesEn = options.skipped.map((s) => `${displayPath(s.file)} (${s.reason.en})`);
    out.push(
      t(
        `✖ 有 ${options.skipped.length} 个文件未计入统计，以上合计不含它们：${files.join('、')}（问题见上方）`,
        `✖ ${options.skipped.length} file(s) left out of the counts, so the totals above do not include them: ${filesEn.join(', ')} (problems listed above)`,
      ),
    );
  }
  return out;
}

/** Each unit's items, in the table's order: what a unit's head asks to see. */
function list(report: StatsReport, lang: Lang): string[] {
  const t = translator(lang);
  // A supplement numbered apart (增刊 第 1 期) is told from the regular issues by its name.
  const named = new Set(report.credits.map((c) => c.issue.series.name)).size > 1;
  const issue = (c: Credit) => `${named ? c.issue.series.name : ''}${t(`第 ${c.issue.number} 期`, `${named ? ' ' : ''}No. ${c.issue.number}`)}`;
  const out: string[] = [];
  for (const u of report.units) {
    out.push(t(`${unitLabel(u.unit, lang)}（${u.items} 条，${u.points} 分）`, `${unitLabel(u.unit, lang)} (${u.items} item(s), ${u.points} point(s))`));
    const rows: Cell[][] = report.credits
      .filter((c) => c.unit === u.unit)
      .map((c) => [c.issue.date.iso, issue(c), c.section.label, t(`${roundPoints(c.points)} 分`, `${roundPoints(c.points)} pt`), c.title]);
    // Only the rows, indented: alignColumns' first two lines are the (empty) header and its rule.
    const m: Matrix = { header: ['', '', '', '', ''], rows, numeric: [false, false, false, true, false] };
    out.push(...alignColumns(m).slice(2).map((l) => `  ${l}`));
  }
  return out;
}
