/**
 * punct-repeated: the same pause or stop mark twice (，， 。。 、、 ！！), fixable by keeping one; and two
 * different pause/stop marks side by side (，。 、， ；。), which needs an editor to choose.
 * …… and —— are single marks two characters wide, so they are not repeats.
 */
import type { Rule, Finding } from './types.js';
import type { Text } from '../../issue/model.js';
import { textsOf } from './texts.js';

const MARKS = '，。、；：？！,;';
/** ？！ and ！？ are accepted in exclamatory questions (GB/T 15834 4.3.3 / 4.4.3). */
const ALLOWED = new Set(['？！', '！？']);

export function checkText(text: Text): Finding[] {
  const t = text.text;
  const out: Finding[] = [];
  for (let i = 0; i < t.length; ) {
    let j = i;
    while (j < t.length && MARKS.includes(t[j]!)) j++;
    if (j - i >= 2) {
      const run = t.slice(i, j);
      if ([...run].every((c) => c === run[0])) {
        out.push({ at: { text, ref: text.ref }, offset: i, data: { chars: run, replacement: run[0]! }, fix: [{ start: i, end: j, text: run[0]! }] });
      } else if (!ALLOWED.has(run)) {
        out.push({ at: { text, ref: text.ref }, offset: i, messageId: 'conflict', data: { chars: run } });
      }
    }
    i = Math.max(j, i + 1);
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
