/**
 * addressee-colon: the addressee line (主送机关) ends in a full-width colon (GB/T 9704 §7.3.2): 各街道办事处：.
 * A half-width colon or none at all is fixed by writing "：" in its place.
 */
import type { Finding, Rule } from './types.js';
import { items } from './texts.js';

export const addresseeColon: Rule = {
  id: 'addressee-colon',
  defaultSeverity: 'error',
  fixable: true,
  description: { zh: '主送机关以全角冒号结尾', en: 'The addressee line ends in a full-width colon' },
  messages: (d) => ({
    zh: `主送机关应以全角冒号“：”结尾，现在以“${d.char}”结尾`,
    en: `the addressee line should end in a full-width colon "："; it ends in "${d.char}"`,
  }),
  check: (ctx) =>
    items(ctx.issue).flatMap(({ item }): Finding[] => {
      const a = item.addressee;
      if (!a) return [];
      const t = a.text.replace(/\s+$/u, '');
      if (t.endsWith('：') || t.length === 0) return [];
      const last = [...t].at(-1)!;
      const start = /[:，,;；。、]$/u.test(t) ? t.length - last.length : t.length;
      return [{ at: { text: a, ref: a.ref }, offset: t.length - last.length, data: { char: last }, fix: [{ start, end: a.text.length, text: '：' }] }];
    }),
};
