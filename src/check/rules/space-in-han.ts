/**
 * space-in-han: a space with Chinese text on both sides — Han characters or Chinese punctuation (汉 汉, 汉 。,
 * ” “, ， ，). Chinese has no word spaces, and full-width marks carry their own room, so such a space is a typing
 * or pasting slip (often a line break from a PDF). Spaces next to digits and Latin letters are a house-style
 * matter (see number-spacing) and are left alone here.
 */
import type { Rule, Finding } from './types.js';
import type { Text } from '../../issue/model.js';
import { isChinese, isSpace } from './chars.js';
import { textsOf } from './texts.js';

/**
 * `title`: a headline of two phrases (消防安全警钟长鸣 齐抓共管防患未然) may keep one space between them — it is set
 * as a full-width space; a byline may part two units so too. Two or more are still a slip.
 */
export function checkText(text: Text, title = false): Finding[] {
  const t = text.text;
  const out: Finding[] = [];
  for (let i = 1; i < t.length; i++) {
    if (!isSpace(t[i]) || isSpace(t[i - 1])) continue;
    let j = i;
    while (j < t.length && isSpace(t[j])) j++;
    const before = t[i - 1];
    const after = t[j];
    if (title && j === i + 1) {
      i = j;
      continue;
    }
    if (isChinese(before) && isChinese(after)) {
      out.push({ at: { text, ref: text.ref }, offset: i, data: { before: before!, after: after! }, fix: [{ start: i, end: j, text: '' }] });
    }
    i = j;
  }
  return out;
}

export const spaceInHan: Rule = {
  id: 'space-in-han',
  defaultSeverity: 'error',
  fixable: true,
  description: { zh: '中文字符之间不应有空格', en: 'No spaces inside Chinese text' },
  messages: (d) => ({
    zh: `“${d.before}”与“${d.after}”之间有多余的空格`,
    en: `stray space between "${d.before}" and "${d.after}"`,
  }),
  // Distribution lines may separate recipients with spaces by design; only item texts are checked.
  check: (ctx) => textsOf(ctx.issue).filter((s) => s.kind !== 'distribution').flatMap((s) => checkText(s.text, s.kind === 'title' || s.kind === 'byline')),
};
