/** The rules for the parts of article and notice issues, and that the other rules leave those parts alone. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { checkIssue, checkIssues } from '../../src/check/run.js';
import { examples, tempFiles } from '../fixtures/tmp.js';

const today = new Date('2026-06-30T00:00:00Z');

const NOTICE = (item: string, top = ''): string => `series: false
name: 督查通报
offices: [苏州市姑苏区人民政府督查室]
number: 3
date: 2026-05-20
${top}
sections:
  - style: article
    items:
      - title: 消防安全警钟长鸣 齐抓共管防患未然
${item}
        body: |
          现将有关情况通报如下。
`;

async function findings(yaml: string): Promise<{ rule: string; line: number; column: number; zh: string }[]> {
  const dir = tempFiles({ 'n.yaml': yaml });
  const loaded = await loadIssue(path.join(dir, 'n.yaml'));
  expect(loaded.diagnostics).toEqual([]);
  const r = checkIssue(loaded.issue!, loaded.sources, { today });
  return r.diagnostics.map((d) => ({ rule: d.rule, line: d.line, column: d.column, zh: d.message.zh }));
}

describe('notice parts', () => {
  it('a clean notice raises nothing: 附件 names, a heading, the two-phrase title with one space', async () => {
    const f = await findings(
      NOTICE(`        addressee: 各街道办事处：
        attachments: [问题清单, 整改情况报告表]
        signature: { organ: 区政府督查室, date: 2026-05-20 }`),
    );
    expect(f).toEqual([]);
  });

  it('addressee-colon: an addressee without its full-width colon, at its last character', async () => {
    const f = await findings(NOTICE(`        addressee: 各街道办事处`));
    expect(f).toEqual([{ rule: 'addressee-colon', line: 11, column: 25, zh: expect.stringContaining('全角冒号') }]);
    const half = await findings(NOTICE(`        addressee: "各街道办事处:"`));
    expect(half.map((x) => x.rule)).toContain('addressee-colon');
  });

  it('attachment-note: a 附件： label, a number of its own, a full stop', async () => {
    const f = await findings(NOTICE(`        attachments: [附件：问题清单, 2. 整改情况报告表。]`));
    expect(f.filter((x) => x.rule === 'attachment-note').map((x) => x.zh)).toEqual([
      expect.stringContaining('附件：'),
      expect.stringContaining('序号'),
      expect.stringContaining('句号'),
    ]);
    // The prose rule does not ask a name for its full stop.
    expect(f.map((x) => x.rule)).not.toContain('paragraph-end');
  });

  it('signature-date: a date that is not the issue date, at the date', async () => {
    const f = await findings(NOTICE(`        signature: { organ: 区政府督查室, date: 2026-05-19 }`));
    expect(f).toEqual([{ rule: 'signature-date', line: 11, column: 43, zh: expect.stringContaining('2026-05-20') }]);
  });

  it('space-in-han still reports two spaces in a title, and a space in body text', async () => {
    const f = await findings(NOTICE('').replace('警钟长鸣 齐抓', '警钟长鸣  齐抓').replace('现将有关', '现将 有关'));
    expect(f.filter((x) => x.rule === 'space-in-han')).toHaveLength(2);
  });
});

describe('numbering across issues', () => {
  const issue = (n: number, extra: string, date: string): string => `series: false
name: 工作简报
offices: [街道办事处]
number: ${n}
${extra}
date: ${date}
sections:
  - label: 动态
    items:
      - title: 标题${n}${extra.length}
        body: 正文${n}${extra.length}。
        source: 某单位
`;
  async function run(files: Record<string, string>): Promise<string[]> {
    const dir = tempFiles(files);
    const entries = [];
    for (const f of Object.keys(files)) {
      const l = await loadIssue(path.join(dir, f));
      expect(l.diagnostics).toEqual([]);
      entries.push({ issue: l.issue!, sources: l.sources });
    }
    return checkIssues(entries, { today }).diagnostics.map((d) => `${path.basename(d.file)}:${d.rule}`);
  }

  it('总第 goes on across a new year; a 增刊 is numbered on its own and compared with 增刊 only', async () => {
    const d = await run({
      'a.yaml': issue(33, 'totalNumber: 192', '2025-12-20'),
      'b.yaml': issue(1, 'totalNumber: 193', '2026-01-05'),
      'zk1.yaml': issue(1, 'special: 增刊', '2026-01-06'),
      'zk2.yaml': issue(2, 'special: 增刊', '2026-01-08'),
    });
    expect(d).toEqual([]);
  });

  it('total-number-sequence: a restart or a gap is reported at the later issue', async () => {
    const d = await run({ 'a.yaml': issue(33, 'totalNumber: 192', '2025-12-20'), 'b.yaml': issue(1, 'totalNumber: 1', '2026-01-05') });
    expect(d).toEqual(['b.yaml:total-number-sequence']);
  });
});

describe('the examples of each kind', () => {
  it.each(['zhuanbao/zhuanbao-008.yaml', 'tongbao/tongbao-003.yaml', 'jianbao/jianbao-033.yaml', 'jianbao/jianbao-zk-001.yaml'])('%s checks clean', async (f) => {
    const loaded = await loadIssue(path.join(examples, f));
    expect(loaded.diagnostics).toEqual([]);
    expect(checkIssue(loaded.issue!, loaded.sources, { today }).diagnostics).toEqual([]);
  });
});
