/**
 * A small series for the stats tests: thirteen issues from November 2025 to April 2026 (the fourth quarter of
 * 2025, the year boundary on 2025-12-31 / 2026-01-08, the first quarter of 2026 and one issue in the second),
 * sources written by alias, joint sources, marks and extra points, an item without a source, a unit not in the
 * list, and a 增刊 (a supplement numbered apart, its own name, one 专报 item).
 *
 * The expected numbers in the tests are worked out by hand from this table, not by the code under test:
 *
 *   date        issue   item: section, source → points (动态 1, 摘报 2, 专报 5, 简讯 0.5, 批示 +3)
 *   2025-11-06  1       动态 发改局 (alias) 1; 简讯 区商务局 0.5
 *   2025-11-20  2       动态 区住建局 1; 摘报 平江街道 2
 *   2025-12-04  3       动态 区发改局、区商务局 (joint) 1 each
 *   2025-12-18  4       动态 区发展改革局 (alias) 批示 1+3 = 4; 简讯 no source 0.5
 *   2025-12-31  5       摘报 区商务局 2; 动态 平江街道 extraPoints 1 → 2
 *   2026-01-08  6       动态 区住建局 1; 简讯 平江街道 0.5
 *   2026-01-22  7       动态 区发改局 1; 动态 区财政局 (not in the list) 1
 *   2026-02-05  8       摘报 区发改局/平江街道 (joint) 2 each
 *   2026-02-19  9       动态 区商务局 1
 *   2026-03-05  10      动态 区住建局 批示 + 上级转载 (no points set) 1+3 = 4
 *   2026-03-15  增刊 1  专报 区发改局 5
 *   2026-03-31  11      简讯 区发改局 0.5; 简讯 区商务局 0.5
 *   2026-04-02  12      动态 区商务局 1 (title with a comma and a quote)
 */
import { tempFiles } from '../fixtures/tmp.js';

export const SERIES = `name: 测试信息
offices: [测试办公室]
sources:
  - name: 区发改局
    aliases: [区发展改革局, 发改局]
  - 区商务局
  - 区住建局
  - 平江街道
stats:
  points: { 动态: 1, 摘报: 2, 专报: 5, 简讯: 0.5 }
  marks: { 批示: 3 }
`;

interface It {
  title?: string;
  source?: string;
  extra?: string;
}
type Sec = [label: string, items: It[]];

function issue(number: number, date: string, sections: Sec[], head = ''): string {
  const body = sections
    .map(
      ([label, items]) =>
        `  - label: ${label}\n    items:\n${items
          .map((it, i) => `      - ${it.title ? `title: "${it.title.replace(/"/g, '\\"')}"\n        ` : ''}body: ${label}第 ${i + 1} 条正文。${it.source ? `\n        source: ${it.source}` : ''}${it.extra ? `\n        ${it.extra}` : ''}\n`)
          .join('')}`,
    )
    .join('');
  return `${head}number: ${number}\ndate: ${date}\nsections:\n${body}`;
}

export const ISSUES: Record<string, string> = {
  'x-001.yaml': issue(1, '2025-11-06', [['动态', [{ title: '一期动态', source: '发改局' }]], ['简讯', [{ source: '区商务局' }]]]),
  'x-002.yaml': issue(2, '2025-11-20', [['动态', [{ title: '二期动态', source: '区住建局' }]], ['摘报', [{ title: '二期摘报', source: '平江街道' }]]]),
  'x-003.yaml': issue(3, '2025-12-04', [['动态', [{ title: '三期联合', source: '区发改局、区商务局' }]]]),
  'x-004.yaml': issue(4, '2025-12-18', [['动态', [{ title: '四期批示', source: '区发展改革局', extra: 'marks: [批示]' }]], ['简讯', [{}]]]),
  'x-005.yaml': issue(5, '2025-12-31', [['摘报', [{ title: '五期摘报', source: '区商务局' }]], ['动态', [{ title: '五期加分', source: '平江街道', extra: 'extraPoints: 1' }]]]),
  'x-006.yaml': issue(6, '2026-01-08', [['动态', [{ title: '六期动态', source: '区住建局' }]], ['简讯', [{ source: '平江街道' }]]]),
  'x-007.yaml': issue(7, '2026-01-22', [['动态', [{ title: '七期动态', source: '区发改局' }, { title: '七期列表外', source: '区财政局' }]]]),
  'x-008.yaml': issue(8, '2026-02-05', [['摘报', [{ title: '八期联合', source: '区发改局/平江街道' }]]]),
  'x-009.yaml': issue(9, '2026-02-19', [['动态', [{ title: '九期动态', source: '区商务局' }]]]),
  'x-010.yaml': issue(10, '2026-03-05', [['动态', [{ title: '十期批示', source: '区住建局', extra: 'marks: [批示, 上级转载]' }]]]),
  'x-zk01.yaml': issue(1, '2026-03-15', [['专报', [{ title: '增刊专报', source: '区发改局' }]]], 'name: 测试信息（增刊）\n'),
  'x-011.yaml': issue(11, '2026-03-31', [['简讯', [{ source: '区发改局' }, { source: '区商务局' }]]]),
  'x-012.yaml': issue(12, '2026-04-02', [['动态', [{ title: '十二期"消费季",发放消费券', source: '区商务局' }]]]),
};

/** The series in a fresh folder; `extra` adds or replaces files. */
export function seriesDir(extra: Record<string, string> = {}): string {
  return tempFiles({ 'bulletin.series.yaml': SERIES, ...ISSUES, ...extra });
}

/** A small RFC 4180 reader for the tests (quoted fields, doubled quotes, CRLF), independent of the writer. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}
