/**
 * docTexts: every text the composed document sets, with its role and where it was written — the list font coverage
 * (check, fonts) is judged by.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeIssue } from '../../src/compose/index.js';
import { docTexts, textByRole, type DocText } from '../../src/compose/texts.js';
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
  return { issue: loaded.issue!, sources: loaded.sources };
}

/** "line:column" of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string): string {
  const i = text.indexOf(needle);
  expect(i, needle).toBeGreaterThanOrEqual(0);
  const line = text.slice(0, i).split('\n').length;
  return `${line}:${i - text.lastIndexOf('\n', i - 1)}`;
}

describe('docTexts', () => {
  it('lists every text the document sets, in its role, the written ones pointing into the file that wrote them', async () => {
    const { issue, sources } = await load(SERIES, ISSUE);
    const texts = docTexts(composeIssue(issue));
    const find = (text: string, from: DocText['from'] = 'written') => {
      const t = texts.filter((x) => x.text === text && x.from === from);
      expect(t.length, text).toBeGreaterThan(0);
      return t[0]!;
    };
    /** File, role and line:column of character `index` of a written text. */
    const where = (text: string, index = 0) => {
      const t = find(text);
      const p = sources.position(t.ref!, index);
      return `${path.basename(t.ref!.file)} ${t.role} ${p.line}:${p.column}`;
    };
    const S = (needle: string, role: string) => `bulletin.series.yaml ${role} ${at(SERIES, needle)}`;
    const I = (needle: string, role: string) => `pj-006.yaml ${role} ${at(ISSUE, needle)}`;
    expect(where('平江信息', 2)).toBe(S('信息', 'masthead'));
    expect(where('工作动态')).toBe(S('工作动态', 'kai'));
    expect(where('内部资料')).toBe(S('内部资料', 'heading'));
    expect(where('平江街道办事处')).toBe(S('平江街道办事处', 'body'));
    expect(where('王大明')).toBe(S('王大明', 'body'));
    expect(where('报')).toBe(S('报\n', 'body'));
    expect(where('市委办公室，市政府办公室', 5)).toBe(S('，市政府', 'body'));
    expect(where('60')).toBe(S('60', 'body'));
    // The issue overrides the serial: it points into the issue file, and the series' serial is not set at all.
    expect(where('(PJ)简字007号', 4)).toBe(I('简字007', 'body'));
    expect(texts.filter((t) => t.text.includes('006'))).toEqual([]);
    // Section labels: in the contents (listed) and in the body, both 黑体; their brackets are the layout's wording.
    expect(texts.filter((t) => /动态|简讯/.test(t.text) && t.role === 'heading').map((t) => t.text)).toEqual(['动态', '动态', '简讯']);
    expect(where('简讯')).toBe(I('简讯', 'heading'));
    expect(find('【', 'wording').role).toBe('heading');
    const title = texts.filter((t) => t.text === '区住建局推进城市更新');
    expect(title.map((t) => t.role)).toEqual(['kai', 'heading']);
    for (const t of title) expect(sources.position(t.ref!, 4)).toEqual(sources.position(title[0]!.ref!, 4));
    expect(where('区住建局推进城市更新', 4)).toBe(I('推进城市', 'kai'));
    expect(where('现将做法刊发。')).toBe(I('现将', 'kai'));
    expect(where('近日，平江街道开展活动。')).toBe(I('近日', 'body'));
    expect(where('平江街道')).toBe(I('平江街道\n', 'body'));
    // Derived lines name what they are and point at the setting they come from.
    const line = find('第 6 期（2026 年 13 期）', 'derived');
    expect(line).toMatchObject({ role: 'body', what: 'issueLine', ref: { path: ['number'] } });
    expect(find('2026 年 3 月 26 日', 'derived')).toMatchObject({ what: 'date', ref: { path: ['date'] } });
    // Numbered entries of the contents carry "N." in 楷体; the unnumbered brief is not listed at all.
    expect(texts.filter((t) => t.what === 'contentsNumber').map((t) => `${t.text} ${t.role}`)).toEqual(['1. kai']);

    const joined = textByRole(composeIssue(issue));
    expect(joined.masthead).toBe('平江信息');
    for (const ch of '【】编者按：本期目录•。内部资料') expect(joined.heading, ch).toContain(ch);
    for (const ch of '（）1.工作动态') expect(joined.kai, ch).toContain(ch);
    for (const ch of '责任编辑：、共印份（）') expect(joined.body, ch).toContain(ch);
    // The series line and the security mark are not body text (as `bulletin fonts` once had them).
    expect(joined.body).not.toContain('工作动态');
    expect(joined.body).not.toContain('内部资料');
    expect(joined.number).toContain('—');
    for (const d of '0123456789') expect(joined.number).toContain(d);
    // Bullets carry no run-in 。 and no 编者按; a note in a bullet is not set at all.
    expect(joined.body).not.toContain('undefined');
  });

  it('a shortened paragraph in the contents is written up to the ellipsis, which is wording', async () => {
    const long = '近日'.padEnd(50, '好') + '。';
    const { issue } = await load(SERIES, ISSUE.replace('      - title: 区住建局推进城市更新\n        note:', '      - note:').replace('试点坚持群众参与。', long));
    const kai = docTexts(composeIssue(issue)).filter((t) => t.role === 'kai' && t.text.startsWith('近日'));
    expect(kai).toMatchObject([{ from: 'written', text: long.slice(0, 39), ref: { path: ['sections', 0, 'items', 0, 'body'] } }]);
    expect(docTexts(composeIssue(issue)).some((t) => t.role === 'kai' && t.from === 'wording' && t.text === '…')).toBe(true);
  });
});
