/**
 * number-spacing: spacing between Han characters and numbers follows the house style (setting numberSpacing):
 * - 'none': 12个, 2026年 (a space between Han and a number is removed);
 * - 'space': 12 个, 2026 年 (clreq's ¼-em gap, typed as a space; one is inserted);
 * - 'any' (default): both are accepted, as in the reference issue ("12个", "覆盖 10 家"); only a number
 *   spaced on one side and not the other between two Han characters ("覆盖 10家") is reported.
 */
import type { Rule, Finding } from './types.js';
import type { Text } from '../../issue/model.js';
import type { CheckSettings } from './types.js';
import { isHan } from './chars.js';
import { textsOf } from './texts.js';

/** A number as written: 12, 1.4, 1,000, 90%, 10:30. */
const NUMBER = /[0-9](?:[0-9.,:]*[0-9])?%?/g;

export function checkText(text: Text, style: CheckSettings['numberSpacing']): Finding[] {
  const t = text.text;
  const out: Finding[] = [];
  const at = { text, ref: text.ref };
  for (const m of t.matchAll(NUMBER)) {
    const s = m.index;
    const e = s + m[0].length;
    // Spaces (ASCII only: an ideographic space is something else) on each side, and the Han beyond them.
    let ls = s;
    while (ls > 0 && t[ls - 1] === ' ') ls--;
    let re = e;
    while (re < t.length && t[re] === ' ') re++;
    const left = isHan(t[ls - 1]) ? { spaced: ls < s } : undefined;
    const right = isHan(t[re]) ? { spaced: re > e } : undefined;
    if (style === 'none') {
      if (left?.spaced) out.push({ at, offset: ls, messageId: 'none', data: { number: m[0] }, fix: [{ start: ls, end: s, text: '' }] });
      if (right?.spaced) out.push({ at, offset: e, messageId: 'none', data: { number: m[0] }, fix: [{ start: e, end: re, text: '' }] });
    } else if (style === 'space') {
      if (left && !left.spaced) out.push({ at, offset: s, messageId: 'space', data: { number: m[0] }, fix: [{ start: s, end: s, text: ' ' }] });
      if (right && !right.spaced) out.push({ at, offset: e, messageId: 'space', data: { number: m[0] }, fix: [{ start: e, end: e, text: ' ' }] });
    } else if (left && right && left.spaced !== right.spaced) {
      out.push({ at, offset: left.spaced ? e : s, messageId: 'uneven', data: { number: m[0] } });
    }
  }
  return out;
}

export const numberSpacing: Rule = {
  id: 'number-spacing',
  defaultSeverity: 'warning',
  fixable: true,
  description: { zh: '汉字与数字之间的空格应符合体例', en: 'Spacing between Han and numbers follows the house style' },
  messages: (d, id) => {
    switch (id) {
      case 'none':
        return { zh: `数字“${d.number}”与汉字之间不加空格`, en: `no space between "${d.number}" and Han characters (house style)` };
      case 'space':
        return { zh: `数字“${d.number}”与汉字之间应加空格`, en: `put a space between "${d.number}" and Han characters (house style)` };
      default:
        return { zh: `数字“${d.number}”一侧有空格、一侧没有，前后应一致`, en: `"${d.number}" is spaced on one side only; space both sides or neither` };
    }
  },
  check: ({ issue, settings }) =>
    textsOf(issue)
      .filter((s) => s.kind !== 'distribution')
      .flatMap((s) => checkText(s.text, settings.numberSpacing)),
};
