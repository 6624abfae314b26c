/**
 * `bulletin stats` without the command line: load each issue as `check` does (a file that does not load or
 * validate is reported and left out, never counted in part), keep the issues of the period, score them and add
 * them up. The CLI (src/cli/stats.ts) expands folders, prints and writes.
 */
import { uniqueDiagnostics as unique } from '../diagnostics.js';
import { displayPath } from '../check/formats/stylish.js';
import type { Diagnostic } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { isSeriesFile, loadIssue } from '../issue/load.js';
import type { Issue, SourceMap } from '../issue/model.js';
import { countIssue } from './count.js';
import { finishPeriod, inPeriod, monthsSpanned, type PeriodSpec } from './period.js';
import { tally } from './tally.js';
import type { SkippedFile, StatsBy, StatsReport } from './types.js';

export interface CollectOptions {
  period: PeriodSpec;
  by: StatsBy;
}

export interface CollectResult {
  report: StatsReport;
  /** The findings of the files left out (errors), and the warnings about what was counted. */
  diagnostics: Diagnostic[];
  skipped: SkippedFile[];
}

interface Loaded {
  issue: Issue;
  sources: SourceMap;
}

/** `files`: absolute paths, as `expandInputs` gives them. */
export async function collectStats(files: string[], options: CollectOptions): Promise<CollectResult> {
  const diagnostics: Diagnostic[] = [];
  const skipped: SkippedFile[] = [];
  const loaded: Loaded[] = [];
  for (const file of files) {
    if (isSeriesFile(file)) {
      diagnostics.push({
        file,
        line: 1,
        column: 1,
        severity: 'warning',
        rule: 'stats-not-an-issue',
        message: msg('这是系列设置文件，不是一期简报，不参加统计（统计它所在的文件夹即可）', 'this is a series settings file, not an issue; it is not counted (give its folder instead)'),
      });
      continue;
    }
    const r = await loadIssue(file);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    if (!r.issue || errors.length > 0) {
      diagnostics.push(...errors);
      const io = errors.some((d) => d.rule === 'io');
      skipped.push({ file, io, reason: io ? msg('无法读取', 'cannot be read') : msg('未通过格式校验', 'does not validate') });
      continue;
    }
    loaded.push({ issue: r.issue, sources: r.sources });
  }

  // The same issue in two files (a copy left beside it) would be counted twice: the later file is left out.
  loaded.sort((a, b) => compareIssues(a.issue, b.issue));
  const firstOf = new Map<string, Issue>();
  const distinct = loaded.filter(({ issue }) => {
    const key = JSON.stringify([issue.series.name, issue.number, issue.date.iso]);
    const first = firstOf.get(key);
    if (!first) return firstOf.set(key, issue), true;
    diagnostics.push({
      file: issue.file,
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'stats-duplicate',
      message: msg(
        `与 ${displayPath(first.file)} 是同一期（名称、期号、日期都相同），只统计一次；删去多余的一份`,
        `the same issue as ${displayPath(first.file)} (same name, number and date), counted once; remove the spare copy`,
      ),
    });
    skipped.push({ file: issue.file, io: false, reason: msg('与另一个文件是同一期', 'the same issue as another file') });
    return false;
  });

  const latest = distinct.length > 0 ? distinct[distinct.length - 1]!.issue.date.iso : undefined;
  // A table by month is a year's table: with no period given, the latest issue's year.
  const spec: PeriodSpec = options.by === 'month' && options.period.kind === 'all' ? { kind: 'year' } : options.period;
  const period = finishPeriod(spec, latest);
  const counted = distinct.filter(({ issue }) => inPeriod(period, issue.date.iso));
  if (period.from === undefined && period.to === undefined && counted.length > 0) {
    // "All issues" says which days that covers.
    const [first, last] = [counted[0]!.issue.date.iso, counted[counted.length - 1]!.issue.date.iso];
    period.label = first === last ? msg(`全部（${first}）`, `all issues (${first})`) : msg(`全部（${first} 至 ${last}）`, `all issues (${first} to ${last})`);
  }

  const credits = [];
  for (const { issue, sources } of counted) {
    const r = countIssue(issue, sources);
    credits.push(...r.credits);
    diagnostics.push(...r.warnings);
  }
  // Ties keep the order of the series' sources lists, then the order units first appear in.
  const order = [...new Set([...counted.flatMap(({ issue }) => issue.series.sources), ...credits.map((c) => c.unit)])];
  const months = period.months ?? monthsSpanned(counted.map(({ issue }) => issue.date.iso));
  return { report: tally(credits, period, months, order, counted.length), diagnostics: ordered(diagnostics, files), skipped };
}

/** By date, then name and number, then file (a supplement and a regular issue of one day stay in a fixed order). */
function compareIssues(a: Issue, b: Issue): number {
  const s = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return s(a.date.iso, b.date.iso) || s(a.series.name, b.series.name) || a.number - b.number || s(a.file, b.file);
}

/** Each finding once (a shared series file's come with every issue), in the order the files were given, by position. */
function ordered(diagnostics: Diagnostic[], files: string[]): Diagnostic[] {
  const once = unique(diagnostics);
  const rank = (f: string) => {
    const i = files.indexOf(f);
    return i < 0 ? -1 : i;
  };
  return once.sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line || a.column - b.column);
}
