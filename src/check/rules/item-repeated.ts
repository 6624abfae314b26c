/**
 * item-repeated: an item that already ran in the previous issue (same title, or same opening paragraph):
 * the usual slip when an issue file is copied from last week's.
 */
import type { Rule, Finding } from './types.js';
import type { Issue } from '../../issue/model.js';
import { items } from './texts.js';
import { titleKey } from './title-duplicate.js';

/** Paragraph key: without spaces; only paragraphs long enough to be more than boilerplate. */
function paraKey(s: string): string | undefined {
  const k = s.replace(/\s+/gu, '');
  return [...k].length >= 20 ? k : undefined;
}

function keys(issue: Issue): { titles: Set<string>; paras: Set<string> } {
  const titles = new Set<string>();
  const paras = new Set<string>();
  for (const { item } of items(issue)) {
    if (item.title) titles.add(titleKey(item.title.text));
    const p = item.paragraphs[0] && paraKey(item.paragraphs[0].text);
    if (p) paras.add(p);
  }
  return { titles, paras };
}

export const itemRepeated: Rule = {
  id: 'item-repeated',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '条目不应与上一期重复', en: 'No item repeated from the previous issue' },
  messages: (d) => ({
    zh: `本条与上一期（第 ${d.number} 期）的条目重复`,
    en: `this item already ran in the previous issue (No. ${d.number})`,
  }),
  check: (ctx) => {
    if (!ctx.previous) return [];
    const prev = keys(ctx.previous);
    const data = { number: ctx.previous.number };
    const out: Finding[] = [];
    for (const { item } of items(ctx.issue)) {
      if (item.title && prev.titles.has(titleKey(item.title.text))) {
        out.push({ at: { text: item.title, ref: item.title.ref }, offset: 0, data });
        continue;
      }
      const first = item.paragraphs[0];
      const p = first && paraKey(first.text);
      if (first && p && prev.paras.has(p)) out.push({ at: { text: first, ref: first.ref }, offset: 0, data });
    }
    return out;
  },
};
