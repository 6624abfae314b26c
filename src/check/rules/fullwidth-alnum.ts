/** fullwidth-alnum: full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) → half-width (GB/T 15835). */
import type { Rule, Finding } from './types.js';
import type { Text } from '../../issue/model.js';
import { textsOf } from './texts.js';

const RUN = /[０-９Ａ-Ｚａ-ｚ]+/g;

export function checkText(text: Text): Finding[] {
  return [...text.text.matchAll(RUN)].map((m) => {
    const half = [...m[0]].map((c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).join('');
    return {
      at: { text, ref: text.ref },
      offset: m.index,
      data: { chars: m[0], replacement: half },
      fix: [{ start: m.index, end: m.index + m[0].length, text: half }],
    };
  });
}

export const fullwidthAlnum: Rule = {
  id: 'fullwidth-alnum',
  defaultSeverity: 'error',
  fixable: true,
  description: { zh: '数字和字母应使用半角', en: 'Digits and Latin letters are half-width' },
  messages: (d) => ({
    zh: `全角字符“${d.chars}”应为半角“${d.replacement}”`,
    en: `full-width "${d.chars}"; use half-width "${d.replacement}"`,
  }),
  check: (ctx) => textsOf(ctx.issue).flatMap((s) => checkText(s.text)),
};
