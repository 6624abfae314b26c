/**
 * Issue 11, item 4: values pasted with the marks the layout adds itself (【动态】, （区发改局）, 送：, 责任编辑：张三,
 * （动态） as the series line, a title ending in ：) are found by `check` at their place, with the doubled result in
 * the message, and `--fix` takes the typed marks away; `build` warns about them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../fixtures/capture.js';
import { tempFiles } from '../fixtures/tmp.js';

afterEach(() => vi.restoreAllMocks());

const DOUBLED = `name: 测试信息
seriesLine: （动态）
offices: [测试办公室]
distribution:
  - label: 送：
    recipients: 区四套班子主要领导
editors: [责任编辑：张三]
number: 1
date: 2026-05-21
sections:
  - label: 【动态】
    items:
      - title: 区发改局：
        body: 会议通报了全区重点项目建设情况。
        source: （区发改局）
        note: 编者按：请各单位参照执行。
  - label: 简讯
    numbered: false
    listed: false
    style: bullets
    items:
      - body: •近日，区商务局举办春季消费促进活动。
        source: 区商务局
`;

const FIXED = DOUBLED.replace('（动态）', '动态')
  .replace('送：', '送')
  .replace('责任编辑：张三', '张三')
  .replace('【动态】', '动态')
  .replace('区发改局：', '区发改局')
  .replace('（区发改局）', '区发改局')
  .replace('编者按：请', '请')
  .replace('•近日', '近日');

describe('marks the layout adds, typed again', () => {
  it('check reports each at its line and column, saying what would be printed', async () => {
    const dir = tempFiles({ 'issue.yaml': DOUBLED });
    const r = await runCli('--lang', 'zh', 'check', path.join(dir, 'issue.yaml'));
    expect(r.code).toBe(1);
    const rows = r.out.split('\n').filter((l) => /decoration-doubled|title-sentence/.test(l)).map((l) => l.replace(/^.*issue\.yaml:/, ''));
    expect(rows).toEqual([
      expect.stringMatching(/^2:13 +error +报头下方的一行（seriesLine）里写了排版时会自动加上的“（…）”，排出来会是“（（动态））”；只写“动态” +\(decoration-doubled\)$/),
      expect.stringMatching(/^5:13 +error +报送范围的标签里写了排版时会自动加上的“：”，排出来会是“送：：”；只写“送” +\(decoration-doubled\)$/),
      expect.stringMatching(/^7:11 +error +责任编辑里写了排版时会自动加上的“责任编辑：”，排出来会是“责任编辑：责任编辑：张三”；只写“张三” +\(decoration-doubled\)$/),
      expect.stringMatching(/^11:12 +error +栏目名称里写了排版时会自动加上的“【…】”，排出来会是“【【动态】】”；只写“动态” +\(decoration-doubled\)$/),
      expect.stringMatching(/^13:20 +error +标题末尾的“：”后面会自动加上“。”，排出来会是“区发改局：。”；去掉“：” +\(title-sentence\)$/),
      expect.stringMatching(/^15:17 +error +来源里写了排版时会自动加上的“（…）”，排出来会是“（（区发改局））”；只写“区发改局” +\(decoration-doubled\)$/),
      expect.stringMatching(/^16:15 +error +编者按里写了排版时会自动加上的“编者按：”，排出来会是“编者按：编者按：请各单位参照执行。”；只写“请各单位参照执行。” +\(decoration-doubled\)$/),
      expect.stringMatching(/^22:15 +error +简讯里写了排版时会自动加上的“•”，排出来会是“••近日，区商务局举办春季消费促进活动。”；只写“近日，区商务局举办春季消费促进活动。” +\(decoration-doubled\)$/),
    ]);
  });

  it('check --fix takes the typed marks away and keeps the rest of the file as it was', async () => {
    const dir = tempFiles({ 'issue.yaml': DOUBLED });
    const file = path.join(dir, 'issue.yaml');
    const r = await runCli('--lang', 'zh', 'check', '--fix', file);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(r.out).not.toMatch(/decoration-doubled|title-sentence/);
    expect(r.code).toBe(0);
  });

  it('build prints the same findings as warnings, and English says it too', async () => {
    const dir = tempFiles({ 'issue.yaml': DOUBLED });
    const r = await runCli('--lang', 'en', 'build', path.join(dir, 'issue.yaml'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/11:12 +warning +a section label carries "【…】", which the layout adds itself: it would print as "【【动态】】"; write just "动态" +\(decoration-doubled\)/);
    expect(r.err).toMatch(/13:20 +warning +.*"区发改局：。".*\(title-sentence\)/);
  });

  it('brackets that are part of the value are left alone', async () => {
    const text = DOUBLED.replace('（区发改局）', '区发改局（区物价局）').replace('【动态】', '动态').replace('（动态）', '动态（摘报）');
    const dir = tempFiles({ 'issue.yaml': text });
    const r = await runCli('--lang', 'zh', 'check', path.join(dir, 'issue.yaml'));
    expect(r.out).not.toMatch(/:(2|11|15):\d+ .*decoration-doubled/);
  });
});

describe('paragraphs indented by hand (issue 11, item 6)', () => {
  const INDENTED = `name: 测试信息
offices: [测试办公室]
number: 1
date: 2026-05-21
sections:
  - label: 动态
    items:
      - title: 区发改局召开推进会
        body: |
          　　会议通报了全区重点项目建设情况。

          　　会议要求各责任单位倒排工期。
        source: 区发改局
`;
  it('check finds the 　　 pasted from Word at each paragraph start, --fix removes them, build warns', async () => {
    const dir = tempFiles({ 'issue.yaml': INDENTED });
    const file = path.join(dir, 'issue.yaml');
    const r = await runCli('--lang', 'zh', 'check', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/issue\.yaml:10:11 +error +段首有 2 个空格（多半是从 Word 粘贴的缩进）；排版时会自动缩进两格，这些空格会排成多余的空白（如导语句后面的空隙），请删去 +\(paragraph-indent\)/);
    expect(r.out).toMatch(/issue\.yaml:12:11 +error .*\(paragraph-indent\)/);
    const b = await runCli('--lang', 'en', 'build', file);
    expect(b.code).toBe(0);
    expect(b.err).toMatch(/10:11 +warning +2 spaces at the start of the paragraph .*\(paragraph-indent\)/);
    const fixed = await runCli('--lang', 'zh', 'check', '--fix', file);
    expect(fixed.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(INDENTED.replaceAll('          　　', '          '));
  });
});
