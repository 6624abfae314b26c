/** source-missing: every numbered item names its source (（区发改局）); readers and auditors rely on it. */
import type { Rule } from './types.js';
import { items } from './texts.js';

export const sourceMissing: Rule = {
  id: 'source-missing',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '编号条目须注明来源', en: 'Numbered items name their source' },
  messages: (d) => ({ zh: `第 ${d.number} 条没有注明来源`, en: `item ${d.number} has no source` }),
  check: (ctx) =>
    items(ctx.issue)
      .filter(({ item }) => item.number !== undefined && !item.source?.text.trim())
      .map(({ item }) => {
        // Point at the title when there is one: the item's own ref may be the whole mapping.
        const text = item.title ?? item.paragraphs[0];
        return { at: text ? { text, ref: text.ref } : { ref: item.ref }, offset: 0, data: { number: item.number! } };
      }),
};
