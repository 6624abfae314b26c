/**
 * Across several issues (files or a folder), sorted by year and number:
 * - issue-number-sequence: 第 N 期 continues with no gap and no repeat (restarting at 1 in a new year is fine);
 * - year-number-sequence: the running number （2026 年 N 期） continues within a year and restarts at 1 in a new one.
 * A 增刊 (特刊, 专刊) is numbered on its own and compared only with issues of its kind.
 * A problem is reported at the later issue's field, where the editor fixes it.
 */
import type { SeriesRule, Finding } from './types.js';
import type { Issue } from '../../issue/model.js';
import { basename } from 'node:path';
import { fieldRef } from './fields.js';

/** The order the series rules (and "previous issue" checks) read issues in. */
export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) => a.date.year - b.date.year || a.number - b.number || a.date.iso.localeCompare(b.date.iso) || a.file.localeCompare(b.file));
}

/**
 * Each issue with the one before it in its own sequence: the regular issues, and each kind of 增刊, 特刊 or 专刊,
 * which is numbered on its own.
 */
export function pairs(issues: Issue[]): [Issue, Issue][] {
  const s = sortIssues(issues);
  const kinds = [...new Set(s.map((i) => i.special ?? ''))];
  return kinds.flatMap((k) => {
    const run = s.filter((i) => (i.special ?? '') === k);
    return run.slice(1).map((b, i): [Issue, Issue] => [run[i]!, b]);
  });
}

export const issueNumberSequence: SeriesRule = {
  id: 'issue-number-sequence',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '期号应连续', en: 'Issue numbers continue without gaps or repeats' },
  messages: (d, id) =>
    id === 'repeated'
      ? { zh: `期号第 ${d.number} 期与 ${d.other} 重复`, en: `issue number ${d.number} repeats ${d.other}` }
      : { zh: `期号不连续：上一期是第 ${d.prev} 期，本期是第 ${d.number} 期，应为第 ${d.expected} 期`, en: `gap in issue numbers: ${d.prev} is followed by ${d.number}; expected ${d.expected}` },
  checkSeries(issues) {
    const out: Finding[] = [];
    for (const [a, b] of pairs(issues)) {
      const at = { ref: fieldRef(b, 'number') };
      if (b.number === a.number + 1) continue;
      if (b.date.year > a.date.year && b.number === 1) continue;
      if (b.number === a.number) out.push({ at, offset: 0, messageId: 'repeated', data: { number: b.number, other: basename(a.file) } });
      else out.push({ at, offset: 0, messageId: 'gap', data: { prev: a.number, number: b.number, expected: a.number + 1 } });
    }
    return out;
  },
};

export const yearNumberSequence: SeriesRule = {
  id: 'year-number-sequence',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '年度期号应连续，新年度从 1 开始', en: 'Running numbers continue and restart at 1 each year' },
  messages: (d, id) => {
    switch (id) {
      case 'repeated':
        return { zh: `年度期号 ${d.number} 与 ${d.other} 重复`, en: `running number ${d.number} repeats ${d.other}` };
      case 'restart':
        return { zh: `${d.year} 年的第一期，年度期号应从 1 开始（现为 ${d.number}）`, en: `first issue of ${d.year}: the running number restarts at 1 (found ${d.number})` };
      default:
        return { zh: `年度期号不连续：上一期是 ${d.prev}，本期是 ${d.number}，应为 ${d.expected}`, en: `gap in running numbers: ${d.prev} is followed by ${d.number}; expected ${d.expected}` };
    }
  },
  checkSeries(issues) {
    const out: Finding[] = [];
    for (const [a, b] of pairs(issues)) {
      if (a.yearNumber === undefined || b.yearNumber === undefined) continue;
      const at = { ref: fieldRef(b, 'yearNumber') };
      if (b.date.year > a.date.year) {
        if (b.yearNumber !== 1) out.push({ at, offset: 0, messageId: 'restart', data: { year: b.date.year, number: b.yearNumber } });
      } else if (b.yearNumber === a.yearNumber) {
        out.push({ at, offset: 0, messageId: 'repeated', data: { number: b.yearNumber, other: basename(a.file) } });
      } else if (b.yearNumber !== a.yearNumber + 1) {
        out.push({ at, offset: 0, messageId: 'gap', data: { prev: a.yearNumber, number: b.yearNumber, expected: a.yearNumber + 1 } });
      }
    }
    return out;
  },
};
