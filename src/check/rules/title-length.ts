/** title-length: a title fits the contents page; the limit is the `titleMaxLength` setting (default 40). */
import type { Rule } from './types.js';
import { items } from './texts.js';

export const titleLength: Rule = {
  id: 'title-length',
  defaultSeverity: 'warning',
  fixable: false,
  description: { zh: '标题不宜过长', en: 'Item titles are short enough for the contents' },
  messages: (d) => ({
    zh: `标题有 ${d.length} 字，超过 ${d.max} 字的上限`,
    en: `title is ${d.length} characters long; the limit is ${d.max}`,
  }),
  check: (ctx) =>
    items(ctx.issue).flatMap(({ item }) => {
      const title = item.title;
      if (!title) return [];
      const chars = [...title.text.trim()];
      const max = ctx.settings.titleMaxLength;
      if (chars.length <= max) return [];
      // Point at the first character over the limit, where an editor would cut.
      const lead = title.text.length - title.text.trimStart().length;
      const offset = lead + chars.slice(0, max).join('').length;
      return [{ at: { text: title, ref: title.ref }, offset, data: { length: chars.length, max } }];
    }),
};
