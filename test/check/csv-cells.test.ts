/**
 * Findings in the text of a table read from a CSV file point into that file (issue 14): its line and column, not the
 * csv: key of the issue; and `--fix` never edits the CSV through the YAML.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { checkIssue } from '../../src/check/run.js';
import { ISSUE_HEAD, tempFiles } from '../fixtures/tmp.js';

const ISSUE = `series: false
${ISSUE_HEAD}      - title: 整改进展
        source: 区督查室
        body:
          - 各街道整改进展如下。
          - table: {title: 进展情况, csv: data.csv}
`;

it('reports a space between Chinese characters in a CSV cell at the CSV file’s line and column, with no fix', async () => {
  const dir = tempFiles({ 'issue.yaml': ISSUE, 'data.csv': '单位,进展\n平江街道,已完成\n金阊街道,"正在 整改"\n' });
  const loaded = await loadIssue(path.join(dir, 'issue.yaml'));
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const r = checkIssue(loaded.issue!, loaded.sources, { today: new Date('2026-06-01T00:00:00Z') });
  const inCsv = r.diagnostics.filter((d) => d.file.endsWith('data.csv'));
  expect(inCsv.map((d) => [d.rule, d.line, d.column])).toEqual([['space-in-han', 3, 9]]);
  expect(r.diagnostics.filter((d) => !d.file.endsWith('data.csv'))).toEqual([]);
  expect(r.fixes.filter((f) => f.file.endsWith('data.csv'))).toEqual([]);
});
