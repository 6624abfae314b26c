/**
 * title-sentence: an item title is one lead sentence. A 。！？； inside it means two sentences ran together;
 * a final 。 is added by the typesetter when the title is set run-in, so a typed one would double it, and a title
 * ending in ：，；、 would print as "区发改局：。" (both fixable: the mark is taken away).
 */
import type { Rule, Finding } from './types.js';
import { items } from './texts.js';

export const titleSentence: Rule = {
  id: 'title-sentence',
  defaultSeverity: 'error',
  fixable: true,
  description: { zh: '标题应为一句话', en: 'An item title is a single sentence' },
  messages: (d, id) =>
    id === 'trailing'
      ? { zh: '标题末尾不必加“。”，排版时会自动加上', en: 'no "。" at the end of a title; it is added when typeset' }
      : id === 'trailingMark'
        ? { zh: `标题末尾的“${d.char}”后面会自动加上“。”，排出来会是“${d.printed}”；去掉“${d.char}”`, en: `a "。" is added after the "${d.char}" that ends the title: it would print as "${d.printed}"; drop the "${d.char}"` }
        : { zh: `标题中间有“${d.char}”，标题应为一句话`, en: `"${d.char}" inside the title; a title is one sentence` },
  check: (ctx) =>
    items(ctx.issue).flatMap(({ item }): Finding[] => {
      const title = item.title;
      if (!title) return [];
      const t = title.text.replace(/\s+$/u, '');
      const out: Finding[] = [];
      const at = { text: title, ref: title.ref };
      for (const m of t.matchAll(/[。！？；]/gu)) {
        if (m.index === t.length - 1 && m[0] === '。') {
          out.push({ at, offset: m.index, messageId: 'trailing', data: {}, fix: [{ start: m.index, end: title.text.length, text: '' }] });
        } else if (m.index < t.length - 1) {
          out.push({ at, offset: m.index, data: { char: m[0] } });
        }
      }
      // A pause mark at the end: the 。 the typesetter adds would follow it.
      const end = /[：，；、:,;]$/u.exec(t);
      if (end && t.length > 1) {
        out.push({ at, offset: end.index, messageId: 'trailingMark', data: { char: end[0], printed: `${t}。` }, fix: [{ start: end.index, end: title.text.length, text: '' }] });
      }
      return out;
    }),
};
