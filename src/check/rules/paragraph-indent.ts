/**
 * paragraph-indent: spaces at the start of a paragraph — the 　　 that Word puts there and a paste brings along. The
 * layout indents every paragraph by two characters itself, so typed spaces print as a gap: after the lead sentence
 * in an item's first paragraph ("标题。　　正文"), a four-character indent elsewhere. Titles, notes and sources are
 * looked at too. The fix takes the spaces away. (Spaces inside the text are space-in-han's.)
 */
import type { Rule, Finding } from './types.js';
import { isSpace } from './chars.js';
import { textsOf } from './texts.js';

export const paragraphIndent: Rule = {
  id: 'paragraph-indent',
  defaultSeverity: 'error',
  fixable: true,
  description: { zh: '段首不要用空格缩进（排版时自动缩进）', en: 'No spaces to indent a paragraph (the layout indents)' },
  messages: (d, id) =>
    id === 'paragraph'
      ? {
          zh: `段首有 ${d.count} 个空格（多半是从 Word 粘贴的缩进）；排版时会自动缩进两格，这些空格会排成多余的空白（如导语句后面的空隙），请删去`,
          en: `${d.count} spaces at the start of the paragraph (an indent pasted from Word?); the layout indents by itself, so they print as a gap (after the lead sentence, for one): remove them`,
        }
      : { zh: `开头有 ${d.count} 个空格，会排成多余的空白，请删去`, en: `${d.count} spaces at the start print as a gap: remove them` },
  check: (ctx) =>
    textsOf(ctx.issue)
      .filter((s) => s.kind !== 'distribution')
      .flatMap((s): Finding[] => {
        const t = s.text.text;
        let n = 0;
        while (n < t.length && isSpace(t[n])) n++;
        if (n === 0 || n === t.length) return [];
        const messageId = s.kind === 'paragraph' || s.kind === 'note' ? 'paragraph' : 'start';
        return [{ at: { text: s.text, ref: s.text.ref }, offset: 0, messageId, data: { count: n }, fix: [{ start: 0, end: n, text: '' }] }];
      }),
};
