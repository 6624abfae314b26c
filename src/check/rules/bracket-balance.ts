/**
 * bracket-balance: quotes and brackets “” ‘’ （） 《》 【】 〈〉 「」 『』 〔〕 must pair up and nest.
 * Reported at the mark that breaks the pairing: a closer with no opener, a closer of the wrong kind
 * ("mixed", e.g. “…’), or an opener never closed. Half-width ( ) take part too, so "（综合来稿)" is caught
 * as mixed; punct-halfwidth offers the fix for those.
 */
import type { Rule, Finding } from './types.js';
import type { Text } from '../../issue/model.js';
import { textsOf } from './texts.js';

const PAIRS: Record<string, string> = {
  '“': '”', '‘': '’', '（': '）', '《': '》', '【': '】', '〈': '〉', '「': '」', '『': '』', '〔': '〕', '(': ')',
};
const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));

function at(text: Text, offset: number, messageId: string, data: Record<string, string>): Finding {
  return { at: { text, ref: text.ref }, offset, messageId, data };
}

export function checkText(text: Text): Finding[] {
  const t = text.text;
  const out: Finding[] = [];
  const stack: { ch: string; i: number }[] = [];
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (PAIRS[ch]) {
      stack.push({ ch, i });
      continue;
    }
    const opener = CLOSERS.get(ch);
    if (opener === undefined) continue;
    const top = stack[stack.length - 1];
    if (top?.ch === opener) {
      stack.pop();
    } else if (stack.some((s) => s.ch === opener)) {
      // Closes an outer opener while an inner one is still open: the inner one is the stray mark.
      while (stack.length && stack[stack.length - 1]!.ch !== opener) {
        const s = stack.pop()!;
        out.push(at(text, s.i, 'unclosed', { char: s.ch, expected: PAIRS[s.ch]! }));
      }
      stack.pop();
    } else if (top && !CLOSERS.has(top.ch)) {
      out.push(at(text, i, 'mixed', { char: ch, opener: top.ch, expected: PAIRS[top.ch]! }));
      stack.pop();
    } else {
      out.push(at(text, i, 'unopened', { char: ch, expected: opener }));
    }
  }
  for (const s of stack) out.push(at(text, s.i, 'unclosed', { char: s.ch, expected: PAIRS[s.ch]! }));
  return out.sort((a, b) => a.offset - b.offset);
}

export const bracketBalance: Rule = {
  id: 'bracket-balance',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '引号、括号须成对且类型一致', en: 'Quotes and brackets pair up and match' },
  messages: (d, id) => {
    switch (id) {
      case 'mixed':
        return { zh: `“${d.char}”与前面的“${d.opener}”不配对，应为“${d.expected}”`, en: `"${d.char}" does not match the opening "${d.opener}"; expected "${d.expected}"` };
      case 'unopened':
        return { zh: `“${d.char}”没有对应的“${d.expected}”`, en: `"${d.char}" has no opening "${d.expected}"` };
      default:
        return { zh: `“${d.char}”没有对应的“${d.expected}”`, en: `"${d.char}" is never closed with "${d.expected}"` };
    }
  },
  check: (ctx) => textsOf(ctx.issue).flatMap((s) => checkText(s.text)),
};
