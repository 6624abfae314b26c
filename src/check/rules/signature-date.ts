/**
 * signature-date: the date written in a signature (落款) is the issue's date. A notice dated one day and printed in
 * an issue of another is usually a date copied from the last one; where it is meant (a notice issued earlier), the
 * rule can be turned down in the series file.
 */
import type { Finding, Rule } from './types.js';
import { items } from './texts.js';

export const signatureDate: Rule = {
  id: 'signature-date',
  defaultSeverity: 'warning',
  fixable: false,
  description: { zh: '落款日期与本期日期一致', en: 'The signature date is the issue date' },
  messages: (d) => ({
    zh: `落款日期 ${d.written} 与本期日期 ${d.issue} 不同：改成 ${d.issue}，或删去落款的 date（默认用本期日期）`,
    en: `the signature date ${d.written} differs from the issue date ${d.issue}: write ${d.issue}, or drop the signature's date (it defaults to the issue's)`,
  }),
  check: (ctx) =>
    items(ctx.issue).flatMap(({ item }): Finding[] => {
      const s = item.signature;
      if (!s?.dateRef || s.date.iso === ctx.issue.date.iso) return [];
      return [{ at: { ref: s.dateRef }, offset: 0, data: { written: s.date.iso, issue: ctx.issue.date.iso } }];
    }),
};
