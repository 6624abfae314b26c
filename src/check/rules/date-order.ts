/** date-order: an issue is dated later than the issue before it in the series. */
import type { Rule } from './types.js';
import { dayNumber, fieldRef } from './fields.js';

export const dateOrder: Rule = {
  id: 'date-order',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '日期应晚于上一期', en: 'The date is later than the previous issue’s' },
  messages: (d) => ({
    zh: `日期 ${d.date} 不晚于上一期（第 ${d.number} 期，${d.previous}）`,
    en: `${d.date} is not later than the previous issue (No. ${d.number}, ${d.previous})`,
  }),
  check: ({ issue, previous }) => {
    if (!previous) return [];
    const a = previous.date;
    const b = issue.date;
    if (dayNumber(b.year, b.month, b.day) > dayNumber(a.year, a.month, a.day)) return [];
    return [{ at: { ref: fieldRef(issue, 'date') }, offset: 0, data: { date: b.iso, number: previous.number, previous: a.iso } }];
  },
};
