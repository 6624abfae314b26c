/**
 * ordinal-sequence: within one item, the enumerations 一是/二是/三是…, 第一/第二…(followed by ，、：), and
 * （一）（二）… run 一, 二, 三 with nothing skipped, repeated or out of order. Each style is its own
 * sequence; "一" again starts a new one (lists nest: （一）…一是…二是…（二）…一是…).
 * A marker must start a clause (after punctuation or at the start), so 统一是 or 第一期 are not ordinals.
 */
import type { Rule, Finding } from './types.js';
import type { Item, Text } from '../../issue/model.js';
import { chineseNumber, parseChineseNumber } from './chars.js';
import { items } from './texts.js';

const NUM = '[一二三四五六七八九十]{1,3}';
const STYLES = [
  { style: 'shi', re: new RegExp(`(?<=^|[。；;，,：:！？.．\\s“（])(${NUM})是`, 'gu'), show: (n: string) => `${n}是` },
  { style: 'di', re: new RegExp(`(?<=^|[。；;，,：:！？.．\\s“（])第(${NUM})(?=[，、：,:是])`, 'gu'), show: (n: string) => `第${n}` },
  { style: 'paren', re: new RegExp(`[（(](${NUM})[）)]`, 'gu'), show: (n: string) => `（${n}）` },
] as const;

interface Marker {
  text: Text;
  offset: number;
  n: number;
}

export function checkItem(item: Item): Finding[] {
  const texts = [...(item.note ? [item.note] : []), ...item.paragraphs];
  const out: Finding[] = [];
  for (const { re, show } of STYLES) {
    const markers: Marker[] = [];
    for (const text of texts) {
      for (const m of text.text.matchAll(re)) {
        const n = parseChineseNumber(m[1]!);
        if (!Number.isNaN(n)) markers.push({ text, offset: m.index, n });
      }
    }
    let last = 0;
    for (const m of markers) {
      const at = { text: m.text, ref: m.text.ref };
      const data = { found: show(chineseNumber(m.n)), expected: show(chineseNumber(last + 1)), previous: show(chineseNumber(Math.max(last, 1))) };
      if (m.n === 1 || m.n === last + 1) {
        last = m.n;
        continue;
      }
      const messageId = m.n === last ? 'repeated' : m.n > last ? 'skipped' : 'order';
      out.push({ at, offset: m.offset, messageId, data });
      // A skip moves the sequence on (三 after 一 makes 四 the next); a repeat or step back does not.
      if (m.n > last) last = m.n;
    }
  }
  return out;
}

export const ordinalSequence: Rule = {
  id: 'ordinal-sequence',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '序数（一是、第一、（一））应连续', en: 'Ordinals (一是, 第一, （一）) run in order' },
  messages: (d, id) => {
    switch (id) {
      case 'repeated':
        return { zh: `序数“${d.found}”重复`, en: `ordinal "${d.found}" repeated` };
      case 'order':
        return { zh: `序数“${d.found}”顺序颠倒，应为“${d.expected}”`, en: `ordinal "${d.found}" out of order; expected "${d.expected}"` };
      default:
        return { zh: `序数“${d.found}”跳号，前面缺少“${d.expected}”`, en: `ordinal "${d.found}" skips "${d.expected}"` };
    }
  },
  check: (ctx) => items(ctx.issue).flatMap(({ item }) => checkItem(item)),
};
