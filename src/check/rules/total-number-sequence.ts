/**
 * total-number-sequence: 总第 N 期 counts every regular issue since the first, so across issues it goes up by one
 * and never restarts (not in a new year either); a 增刊 takes none. Within one issue it cannot be below 第 N 期.
 */
import { basename } from 'node:path';
import type { Finding, SeriesRule } from './types.js';
import { fieldRef } from './fields.js';
import { pairs } from './issue-sequence.js';

export const totalNumberSequence: SeriesRule = {
  id: 'total-number-sequence',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '总期号逐期加 1，不重新开始', en: 'Total numbers go up by one and never restart' },
  messages: (d, id) =>
    id === 'repeated'
      ? { zh: `总期号 ${d.number} 与 ${d.other} 重复`, en: `total number ${d.number} repeats ${d.other}` }
      : { zh: `总期号不连续：上一期是总第 ${d.prev} 期，本期是总第 ${d.number} 期，应为总第 ${d.expected} 期（总期号跨年也不重新开始）`, en: `gap in total numbers: ${d.prev} is followed by ${d.number}; expected ${d.expected} (total numbers do not restart in a new year)` },
  checkSeries(issues) {
    const out: Finding[] = [];
    for (const [a, b] of pairs(issues)) {
      if (a.special || a.totalNumber === undefined || b.totalNumber === undefined) continue;
      const at = { ref: fieldRef(b, 'totalNumber') };
      if (b.totalNumber === a.totalNumber) out.push({ at, offset: 0, messageId: 'repeated', data: { number: b.totalNumber, other: basename(a.file) } });
      else if (b.totalNumber !== a.totalNumber + 1) out.push({ at, offset: 0, messageId: 'gap', data: { prev: a.totalNumber, number: b.totalNumber, expected: a.totalNumber + 1 } });
    }
    return out;
  },
};
