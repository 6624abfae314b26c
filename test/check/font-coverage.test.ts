/**
 * font-coverage walks the composed document the build typesets: it reports every character the build refuses
 * (font-missing-glyph), at the same file:line:column.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/pipeline/build-issue.js';
import { checkIssues, fontCoverageFor } from '../../src/check/run.js';
import { loadIssue } from '../../src/issue/load.js';
import { tempFiles } from '../fixtures/tmp.js';

const SERIES = `name: 平江信息
seriesLine: 工作动态
offices:
  - 平江新区管委会办公室
  - 平江街道办事处
securityMark: 内部资料
distribution:
  - label: 报
    recipients: 市委办公室，市政府办公室
editors: [林小禾, 王大明]
printCount: 60
serial: (PJ)简字006号
`;

const ISSUE = `number: 6
yearNumber: 13
date: 2026-03-26
serial: (PJ)简字007号
sections:
  - label: 动态
    items:
      - title: 区住建局推进城市更新
        note: 现将做法刊发。
        body: 试点坚持群众参与。
        source: 区住建局
  - label: 简讯
    numbered: false
    listed: false
    style: bullets
    items:
      - body: 近日，平江街道开展活动。
        source: 平江街道
`;

async function load(series: string, issue: string) {
  const dir = tempFiles({ 'bulletin.series.yaml': series, 'pj-006.yaml': issue });
  const loaded = await loadIssue(path.join(dir, 'pj-006.yaml'));
  expect(loaded.diagnostics).toEqual([]);
  return { dir, issue: loaded.issue!, sources: loaded.sources, seriesFile: path.join(dir, 'bulletin.series.yaml'), issueFile: path.join(dir, 'pj-006.yaml') };
}

/** "line:column" of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string): string {
  const i = text.indexOf(needle);
  expect(i, needle).toBeGreaterThanOrEqual(0);
  const line = text.slice(0, i).split('\n').length;
  return `${line}:${i - text.lastIndexOf('\n', i - 1)}`;
}

describe('font-coverage catches every character the build refuses', () => {
  it('in the name, series line, security mark, offices, labels, titles, notes, editors, serial and footer', async () => {
    // Characters of CJK Extension B (and an emoji): in no font the tests have, official or stand-in.
    const planted = ['𠀀', '𠀁', '𠀂', '𠀃', '𠀄', '𠀅', '𠀆', '𠀇', '𠀈', '𠀉', '𠀊', '𠀋', '😀'];
    const series = SERIES.replace('name: 平江信息', `name: 平江${planted[0]}信息`)
      .replace('工作动态', `工作${planted[1]}动态`)
      .replace('securityMark: 内部资料', `securityMark: 内部${planted[2]}资料`)
      .replace('平江街道办事处', `平江${planted[3]}街道办事处`)
      .replace('王大明', `王${planted[4]}明`)
      .replace('  - label: 报', `  - label: 报${planted[5]}`)
      .replace('市委办公室，', `市委${planted[6]}办公室，`);
    const issue = ISSUE.replace('label: 动态', `label: 动${planted[7]}态`)
      .replace('区住建局推进城市更新', `区住建局${planted[8]}推进城市更新`)
      .replace('现将做法', `现将${planted[9]}做法`)
      .replace('(PJ)简字007号', `(PJ)简字${planted[10]}007号`)
      .replace('近日，平江', `近日，${planted[11]}平江`)
      .replace('source: 区住建局', `source: 区住${planted[12]}建局`);
    const { issue: loaded, sources, dir } = await load(series, issue);

    const built = await buildIssue(loaded.file, { output: path.join(dir, 'out.pdf') });
    expect(built.ok).toBe(false);
    const refused = built.diagnostics.filter((d) => d.rule === 'font-missing-glyph');
    const key = (d: { file: string; line: number; column: number }) => `${path.basename(d.file)}:${d.line}:${d.column}`;
    expect(refused.map((d) => [...planted].find((c) => d.message.zh.includes(c))).sort()).toEqual([...planted].sort());

    const checked = checkIssues([{ issue: loaded, sources }], { coverage: await fontCoverageFor(loaded), today: new Date(2026, 2, 27) });
    const found = checked.diagnostics.filter((d) => d.rule === 'font-coverage');
    for (const c of planted) {
      // Every character the build refuses, check reports at its own place (found by searching the files).
      const inSeries = series.includes(c);
      const place = `${inSeries ? 'bulletin.series.yaml' : 'pj-006.yaml'}:${at(inSeries ? series : issue, c)}`;
      expect(found.filter((d) => d.message.zh.includes(c)).map(key), c).toEqual([place]);
    }
    expect(found).toHaveLength(planted.length);
    // The title is set twice (body and contents): one finding naming both roles.
    expect(found.find((d) => d.message.zh.includes(planted[8]!))!.message.zh).toContain('在标题、楷体字体中没有字形');
  });
});
