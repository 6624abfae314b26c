/** date-valid: the issue date exists on the calendar (no 2026-02-30). */
import type { Rule } from './types.js';
import { fieldRef } from './fields.js';

export function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day && year >= 1900;
}

export const dateValid: Rule = {
  id: 'date-valid',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '日期须真实存在', en: 'The date is a real date' },
  messages: (d) => ({ zh: `日期 ${d.date} 不存在`, en: `${d.date} is not a real date` }),
  check: ({ issue }) => {
    const { year, month, day } = issue.date;
    if (isRealDate(year, month, day)) return [];
    const iso = issue.date.iso || `${year}-${month}-${day}`;
    return [{ at: { ref: fieldRef(issue, 'date') }, offset: 0, data: { date: iso } }];
  },
};
