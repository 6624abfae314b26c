/** date-future: an issue dated after today is usually a typo in the year or month (setting: allowFutureDate). */
import type { Rule } from './types.js';
import { dayNumber, fieldRef } from './fields.js';

export const dateFuture: Rule = {
  id: 'date-future',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '日期不应晚于今天', en: 'The date is not in the future' },
  messages: (d) => ({ zh: `日期 ${d.date} 晚于今天（${d.today}）`, en: `${d.date} is in the future (today is ${d.today})` }),
  check: ({ issue, today, settings }) => {
    if (settings.allowFutureDate) return [];
    const { year, month, day } = issue.date;
    const t = dayNumber(today.getFullYear(), today.getMonth() + 1, today.getDate());
    if (dayNumber(year, month, day) <= t) return [];
    const todayIso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    return [{ at: { ref: fieldRef(issue, 'date') }, offset: 0, data: { date: issue.date.iso, today: todayIso } }];
  },
};
