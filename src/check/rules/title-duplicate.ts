/** title-duplicate: the same item title twice in one issue (usually an item pasted twice). */
import type { Rule, Finding } from './types.js';
import { items } from './texts.js';

/** Titles compared without spaces and a final 。, so "北京推出 22 项" equals "北京推出22项". */
export function titleKey(s: string): string {
  return s.replace(/\s+/gu, '').replace(/。$/u, '');
}

export const titleDuplicate: Rule = {
  id: 'title-duplicate',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '同一期中标题不应重复', en: 'No title twice in one issue' },
  messages: (d) => ({ zh: `标题与本期第 ${d.first} 条重复`, en: `same title as item ${d.first} of this issue` }),
  check: (ctx) => {
    const seen = new Map<string, number | string>();
    const out: Finding[] = [];
    items(ctx.issue).forEach(({ item }, i) => {
      if (!item.title) return;
      const key = titleKey(item.title.text);
      if (!key) return;
      const first = seen.get(key);
      if (first !== undefined) out.push({ at: { text: item.title, ref: item.title.ref }, offset: 0, data: { first } });
      else seen.set(key, item.number ?? `#${i + 1}`);
    });
    return out;
  },
};
