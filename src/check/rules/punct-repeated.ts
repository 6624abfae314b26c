/**
 * punct-repeated: the same pause or stop mark twice (，， 。。 、、 ！！, also with spaces between: ， ，), fixable by
 * keeping one; and two different pause/stop marks side by side (，。 、， ；。), which needs an editor to choose.
 * A half-width , or ; counts as its full-width mark (“, ，” is one comma typed twice). …… and —— are single
 * marks two characters wide, so they are not repeats.
 */
import type { Rule, Finding } from './types.js';
import type { Text } from '../../issue/model.js';
import { isSpace } from './chars.js';
import { textsOf } from './texts.js';

const MARKS = '，。、；：？！,;';
/** The full-width mark a half-width one stands for. */
const FULL: Record<string, string> = { ',': '，', ';': '；' };
/** ？！ and ！？ are accepted in exclamatory questions (GB/T 15834 4.3.3 / 4.4.3). */
const ALLOWED = new Set(['？！', '！？']);

const isMark = (c: string | undefined): boolean => c !== undefined && c !== '' && MARKS.includes(c);

export function checkText(text: Text): Finding[] {
  const t = text.text;
  const out: Finding[] = [];
  for (let i = 0; i < t.length; ) {
    if (!isMark(t[i])) {
      i++;
      continue;
    }
    // A run of marks, continued across spaces between them (never ending in a space).
    let j = i + 1;
    for (;;) {
      let k = j;
      while (k < t.length && isSpace(t[k])) k++;
      if (!isMark(t[k])) break;
      j = k + 1;
    }
    const marks = [...t.slice(i, j)].filter((c) => !isSpace(c));
    if (marks.length >= 2) {
      const canon = marks.map((c) => FULL[c] ?? c);
      const run = marks.join('');
      if (canon.every((c) => c === canon[0])) {
        out.push({ at: { text, ref: text.ref }, offset: i, data: { chars: run, replacement: canon[0]! }, fix: [{ start: i, end: j, text: canon[0]! }] });
      } else if (!ALLOWED.has(run)) {
        out.push({ at: { text, ref: text.ref }, offset: i, messageId: 'conflict', data: { chars: run } });
      }
    }
    i = j;
  }
  return out;
}

export const punctRepeated: Rule = {
  id: 'punct-repeated',
  defaultSeverity: 'error',
  fixable: true,
  description: { zh: '标点不应重复或连用', en: 'No repeated or doubled punctuation' },
  messages: (d, id) =>
    id === 'conflict'
      ? { zh: `标点“${d.chars}”连用，请只保留一个`, en: `punctuation "${d.chars}" side by side; keep one` }
      : { zh: `标点“${d.chars}”重复，应为“${d.replacement}”`, en: `repeated punctuation "${d.chars}"; use "${d.replacement}"` },
  check: (ctx) => textsOf(ctx.issue).flatMap((s) => checkText(s.text)),
};
