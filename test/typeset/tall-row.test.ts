/**
 * A table row that alone is taller than a page (issue 14): the one case where a row is split. Every part stays in
 * the type area under the repeated header, and together the parts hold all of the cell's text, in order.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { composeIssue } from '../../src/compose/index.js';
import { loadIssue } from '../../src/issue/load.js';
import { typesetDoc } from '../../src/typeset/layout.js';
import type { GlyphRun, PageItem } from '../../src/typeset/types.js';
import { fakeFonts } from './fake-font.js';
import { tempFiles } from '../fixtures/tmp.js';

const LONG = '街道对照整改清单逐项核查，已完成整改任务并建立长效管理台账。'.repeat(40);

const ISSUE = `series: false
name: 测试通报
offices:
  - 测试办公室
number: 1
date: 2026-05-21
sections:
  - label: 督查
    items:
      - title: 整改进展
        body:
          - 各单位整改进展如下。
          - table:
              header: [单位, 进展情况]
              widths: [6, 22]
              rows:
                - [平江街道, ${LONG}]
                - [金阊街道, 已完成。]
          - 以上情况，特此通报。
`;

it('splits a row taller than a page into parts that each fit under the repeated header, keeping all its text', async () => {
  const dir = tempFiles({ 'issue.yaml': ISSUE });
  const loaded = await loadIssue(path.join(dir, 'issue.yaml'));
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const doc = composeIssue(loaded.issue!);
  const layout = typesetDoc(doc, fakeFonts());
  const g = doc.grid;
  const inArea = (i: PageItem): boolean => {
    if (i.kind === 'rule') return Math.max(i.y1, i.y2) <= g.top + g.height + 1e-6 && Math.min(i.y1, i.y2) >= g.top - 1e-6;
    // Cell text (the page number, below the type area, is not in a cell).
    if (i.kind === 'run' && i.size < g.bodySize && /\p{Script=Han}/u.test(i.texts.join(''))) return i.y <= g.top + g.height && i.y >= g.top;
    return true;
  };
  const cellRuns: GlyphRun[] = [];
  const pagesWithCells: number[] = [];
  layout.pages.forEach((page, p) => {
    for (const i of page.items) expect(inArea(i), `page ${p + 1}: ${JSON.stringify(i).slice(0, 80)}`).toBe(true);
    const small = page.items.filter((i): i is GlyphRun => i.kind === 'run' && i.size < g.bodySize);
    if (small.some((r) => r.texts.join('').includes('街道对照'))) pagesWithCells.push(p);
    cellRuns.push(...small);
  });
  // The cell runs over at least two pages, and each of those pages shows the header again above it.
  expect(pagesWithCells.length).toBeGreaterThan(1);
  for (const p of pagesWithCells) {
    const texts = layout.pages[p]!.items.filter((i): i is GlyphRun => i.kind === 'run').map((r) => r.texts.join(''));
    expect(texts.some((t) => t.includes('进展情况')), `header on page ${p + 1}`).toBe(true);
  }
  // The second column's text, header aside, read down the pages.
  const text = cellRuns
    .filter((r) => r.xs[0]! > g.left + 6 * g.pitch - 1 && r.texts.join('') !== '进展情况')
    .map((r) => r.texts.join(''))
    .join('');
  expect(text.replace(/[^\p{Script=Han}，。]/gu, '')).toContain(LONG);
});
