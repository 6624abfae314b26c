/**
 * The one reading of a YYYY-MM-DD date: the issue's `date`, BULLETIN_TODAY, the previous issue's date for `new`.
 * `readIsoDate` says why a date is not a real calendar day (validate.ts reports it); `parseDate` gives the day.
 */
import type { Message } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import type { IssueDate } from './model.js';

/** Days in each month; February is checked against leap years separately. */
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A YYYY-MM-DD date's parts, and `why` it is not a real calendar day; undefined when the text is not in that form. */
export function readIsoDate(iso: string): { year: number; month: number; day: number; why?: Message } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return { year, month, day, why: msg(`没有 ${month} 月`, `there is no month ${month}`) };
  const days = month === 2 && isLeap(year) ? 29 : DAYS[month - 1]!;
  if (day < 1 || day > days) {
    return { year, month, day, why: msg(`${year} 年 ${month} 月只有 ${days} 天`, `${year}-${String(month).padStart(2, '0')} has only ${days} days`) };
  }
  return { year, month, day };
}

/** Why a YYYY-MM-DD date does not exist, or undefined when it does (or is not in that form). */
export function impossibleDate(iso: string): Message | undefined {
  return readIsoDate(iso)?.why;
}

/**
 * A YYYY-MM-DD text as a real calendar day (2026-02-30 is not one), or undefined.
 */
export function parseDate(iso: string): IssueDate | undefined {
  const d = readIsoDate(iso);
  if (!d || d.why) return undefined;
  return { year: d.year, month: d.month, day: d.day, iso };
}
