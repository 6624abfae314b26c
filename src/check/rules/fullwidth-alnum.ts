/**
 * fullwidth-alnum: full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) → half-width (GB/T 15835), and with a
 * number the full-width marks that belong to it: the decimal point (１２．５ → 12.5), a thousands separator
 * (1，234 → 1,234, only where the groups are of three), the per cent sign (90％ → 90%). A number is reported whole,
 * so that fixing its digits cannot leave 12．5％ behind.
 */
import type { Rule, Finding } from './types.js';
import type { Text } from '../../issue/model.js';
import { textsOf } from './texts.js';

const DIGIT = '[0-9０-９]';
/** A number with the marks that may sit inside or after it. */
const NUMBER = new RegExp(`${DIGIT}+(?:[．.，,]${DIGIT}+)*[％%]?`, 'gu');
const LETTERS = /[Ａ-Ｚａ-ｚ]+/gu;

const half = (c: string): string => (c >= '\uff01' && c <= '\uff5e' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c);

/** The number as it should be written, or undefined when it is fine (or its full-width commas are pauses). */
function halfNumber(run: string): string | undefined {
  const h = [...run].map(half).join('');
  // A full-width comma separates thousands only in groups of three: 1，234 but not 1，2，3 or 12，3456.
  if (/，/u.test(run) && !/^\d{1,3}(,\d{3})+(\.\d+)?%?$/u.test(h)) return undefined;
  return h === run ? undefined : h;
}

export function checkText(text: Text): Finding[] {
  const t = text.text;
  const out: Finding[] = [];
  for (const m of t.matchAll(NUMBER)) {
    const fixed = halfNumber(m[0]);
    if (fixed !== undefined) {
      out.push(finding(text, m.index, m[0], fixed));
      continue;
    }
    if (!/，/u.test(m[0])) continue;
    // A list (1，2，3) or 12，3456: the commas are pauses, and each number between them is judged alone.
    let at = m.index;
    for (const part of m[0].split('，')) {
      const f = halfNumber(part);
      if (f !== undefined) out.push(finding(text, at, part, f));
      at += part.length + 1;
    }
  }
  for (const m of t.matchAll(LETTERS)) out.push(finding(text, m.index, m[0], [...m[0]].map(half).join('')));
  return out.sort((a, b) => a.offset - b.offset);
}

function finding(text: Text, at: number, chars: string, replacement: string): Finding {
  return { at: { text, ref: text.ref }, offset: at, data: { chars, replacement }, fix: [{ start: at, end: at + chars.length, text: replacement }] };
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
