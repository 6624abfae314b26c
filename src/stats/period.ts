/**
 * The period `bulletin stats` counts: --from/--to (days, inclusive), or --year with --quarter or --month. The
 * options are read before any file is (a --quarter 5 fails at once); a --quarter or --month without --year takes
 * the year of the latest issue found, which is why the period is finished only once the issues are loaded.
 */
import type { Message } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { parseDate, readIsoDate } from '../issue/dates.js';

export interface PeriodOptions {
  from?: string;
  to?: string;
  year?: string;
  quarter?: string;
  month?: string;
}

/** What the options ask for, checked; `year` may still be missing for a quarter or a month. */
export type PeriodSpec =
  | { kind: 'all' }
  | { kind: 'range'; from?: string; to?: string }
  | { kind: 'year'; year?: number }
  | { kind: 'quarter'; year?: number; quarter: number }
  | { kind: 'month'; year?: number; month: number };

export interface Period {
  /** First and last day counted (YYYY-MM-DD, inclusive); absent: open. */
  from?: string;
  to?: string;
  /** What the table's heading says: 2026 年第 1 季度 / the first quarter of 2026. */
  label: Message;
  /** The months a `--by month` table has columns for (YYYY-MM), when the period bounds them. */
  months?: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_QUARTERS = ['first', 'second', 'third', 'fourth'];

function whole(value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || !/^\d{1,4}$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  return n >= min && n <= max ? n : undefined;
}

/** Checks the options; a usage error says which option and what it takes. */
export function readPeriodOptions(o: PeriodOptions): { spec: PeriodSpec } | { error: Message } {
  const ranged = o.from !== undefined || o.to !== undefined;
  if (ranged && (o.year !== undefined || o.quarter !== undefined || o.month !== undefined)) {
    return { error: msg('--from/--to 不能与 --year、--quarter、--month 同时使用：用其中一种方式给出统计期间', '--from/--to cannot be combined with --year, --quarter or --month: give the period one way') };
  }
  if (o.quarter !== undefined && o.month !== undefined) {
    return { error: msg('--quarter 和 --month 只能用一个', 'use --quarter or --month, not both') };
  }
  for (const key of ['from', 'to'] as const) {
    const v = o[key];
    if (v === undefined) continue;
    const read = readIsoDate(v.trim());
    if (!read) return { error: msg(`--${key} 应为日期 YYYY-MM-DD（如 2026-01-01），不能是 ${v}`, `--${key} takes a date YYYY-MM-DD (e.g. 2026-01-01), not ${v}`) };
    if (read.why) return { error: msg(`--${key} ${v} 不是存在的日期：${read.why.zh}`, `--${key} ${v} is not a real day: ${read.why.en}`) };
  }
  if (ranged) {
    const from = o.from?.trim();
    const to = o.to?.trim();
    if (from && to && from > to) return { error: msg(`--from ${from} 晚于 --to ${to}`, `--from ${from} is after --to ${to}`) };
    return { spec: { kind: 'range', from, to } };
  }
  let year: number | undefined;
  if (o.year !== undefined) {
    year = /^\d{4}$/.test(o.year.trim()) ? whole(o.year, 1000, 9999) : undefined;
    if (year === undefined) return { error: msg(`--year 应为四位数的年份（如 2026），不能是 ${o.year}`, `--year takes a four-digit year (e.g. 2026), not ${o.year}`) };
  }
  if (o.quarter !== undefined) {
    const quarter = whole(o.quarter, 1, 4);
    if (quarter === undefined) return { error: msg(`--quarter 应为 1 到 4 的季度，不能是 ${o.quarter}`, `--quarter takes a quarter from 1 to 4, not ${o.quarter}`) };
    return { spec: { kind: 'quarter', year, quarter } };
  }
  if (o.month !== undefined) {
    const month = whole(o.month, 1, 12);
    if (month === undefined) return { error: msg(`--month 应为 1 到 12 的月份，不能是 ${o.month}`, `--month takes a month from 1 to 12, not ${o.month}`) };
    return { spec: { kind: 'month', year, month } };
  }
  return { spec: year === undefined ? { kind: 'all' } : { kind: 'year', year } };
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    out.push(key);
    if (key >= end) return out;
    if (++m > 12) [y, m] = [y + 1, 1];
  }
}

/**
 * The period, with the year filled in from `latest` (the date of the latest issue, YYYY-MM-DD) where the options
 * leave it out. `latest` absent (no issue at all): the open period.
 */
export function finishPeriod(spec: PeriodSpec, latest: string | undefined): Period {
  if (spec.kind === 'all') return { label: msg('全部', 'all issues') };
  if (spec.kind === 'range') {
    const { from, to } = spec;
    const label =
      from && to ? msg(`${from} 至 ${to}`, `${from} to ${to}`) : from ? msg(`${from} 起`, `from ${from}`) : msg(`至 ${to}`, `up to ${to}`);
    return { from, to, label, ...(from && to ? { months: monthsBetween(from, to) } : {}) };
  }
  const year = spec.year ?? (latest ? parseDate(latest)?.year : undefined);
  if (year === undefined) return { label: msg('全部', 'all issues') };
  if (spec.kind === 'year') {
    return { from: `${year}-01-01`, to: `${year}-12-31`, label: msg(`${year} 年`, `${year}`), months: monthsBetween(`${year}-01`, `${year}-12`) };
  }
  const [first, last] = spec.kind === 'quarter' ? [spec.quarter * 3 - 2, spec.quarter * 3] : [spec.month, spec.month];
  const from = `${year}-${pad(first)}-01`;
  const to = `${year}-${pad(last)}-${pad(lastDay(year, last))}`;
  const label =
    spec.kind === 'quarter'
      ? msg(`${year} 年第 ${spec.quarter} 季度（${from} 至 ${to}）`, `the ${EN_QUARTERS[spec.quarter - 1]} quarter of ${year} (${from} to ${to})`)
      : msg(`${year} 年 ${spec.month} 月`, `${EN_MONTHS[spec.month - 1]} ${year}`);
  return { from, to, label, months: monthsBetween(from, to) };
}

/** Whether a day (YYYY-MM-DD) is in the period. */
export function inPeriod(period: Period, iso: string): boolean {
  return (period.from === undefined || iso >= period.from) && (period.to === undefined || iso <= period.to);
}

/** The months from the first to the last of some days (a --by month table over an open period). */
export function monthsSpanned(days: string[]): string[] {
  if (days.length === 0) return [];
  const sorted = [...days].sort();
  return monthsBetween(sorted[0]!, sorted[sorted.length - 1]!);
}
