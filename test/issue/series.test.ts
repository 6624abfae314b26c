import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { normalize } from '../../src/issue/normalize.js';
import { parseYaml } from '../../src/issue/parse.js';
import { findSeriesFile, mergeSettings } from '../../src/issue/series.js';
import { YamlSourceMap } from '../../src/issue/source-map.js';
import { tempFiles } from '../fixtures/tmp.js';

const ISSUE = `number: 3
date: 2026-05-21
sections:
  - label: 动态
    items:
      - title: 标题
        body: 正文。
        source: 区发改局
`;
const SERIES = `name: 上级信息
offices: [上级办公室]
editors: [甲]
fonts:
  body: 仿宋
  heading: fonts/Hei.ttf
page:
  linesPerPage: 20
distribution:
  - label: 送
    recipients: 各单位
`;

describe('series file', () => {
  it('is found by walking up; the nearest one wins', async () => {
    const dir = tempFiles({
      'bulletin.series.yaml': SERIES,
      'a/b/issue.yaml': ISSUE,
      'a/bulletin.series.yaml': SERIES.replace('上级信息', '近处信息'),
    });
    expect(await findSeriesFile(path.join(dir, 'a/b/issue.yaml'))).toBe(path.join(dir, 'a/bulletin.series.yaml'));
    const { issue, diagnostics } = await loadIssue(path.join(dir, 'a/b/issue.yaml'));
    expect(diagnostics).toEqual([]);
    expect(issue!.series.name).toBe('近处信息');
    expect(issue!.series.fonts.heading).toEqual([path.join(dir, 'a/fonts/Hei.ttf')]);
    expect(issue!.series.fonts.body).toEqual(['仿宋']);
    expect(issue!.series.fonts.kai[0]).toBe('楷体_GB2312');
    expect(issue!.series.distribution[0]!.recipients.ref.file).toBe(path.join(dir, 'a/bulletin.series.yaml'));
  });

  it('the issue overrides: objects merge key by key, lists replace', async () => {
    const dir = tempFiles({
      'bulletin.series.yaml': SERIES,
      'issue.yaml': `${ISSUE}name: 本期信息\neditors: [乙, 丙]\npage:\n  charsPerLine: 27\ndistribution:\n  - label: 报\n    recipients: 市政府\n`,
    });
    const { issue, diagnostics } = await loadIssue(path.join(dir, 'issue.yaml'));
    expect(diagnostics).toEqual([]);
    expect(issue!.series.name).toBe('本期信息');
    expect(issue!.series.offices).toEqual(['上级办公室']);
    expect(issue!.series.editors).toEqual(['乙', '丙']);
    expect(issue!.series.page.linesPerPage).toBe(20);
    expect(issue!.series.page.charsPerLine).toBe(27);
    expect(issue!.series.distribution.map((d) => d.label)).toEqual(['报']);
    expect(issue!.series.distribution[0]!.recipients.ref.file).toBe(path.join(dir, 'issue.yaml'));
  });

  it('an explicit `series:` path is used instead of searching', async () => {
    const dir = tempFiles({
      'bulletin.series.yaml': SERIES,
      'other/special.yaml': SERIES.replace('上级信息', '专刊'),
      'issue.yaml': `series: other/special.yaml\n${ISSUE}`,
    });
    const { issue } = await loadIssue(path.join(dir, 'issue.yaml'));
    expect(issue!.series.name).toBe('专刊');
    expect(issue!.series.seriesFile).toBe(path.join(dir, 'other/special.yaml'));
  });

  it('a missing explicit series file is reported at the `series:` line', async () => {
    const dir = tempFiles({ 'issue.yaml': `${ISSUE}series: nope.yaml\n` });
    const { diagnostics } = await loadIssue(path.join(dir, 'issue.yaml'));
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['series-not-found', 9, 9]]);
  });

  it('errors in the series file point into the series file', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES.replace('editors:', 'editor:'), 'issue.yaml': ISSUE });
    const { diagnostics, issue } = await loadIssue(path.join(dir, 'issue.yaml'));
    expect(issue).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: path.join(dir, 'bulletin.series.yaml'), line: 3, column: 1, rule: 'schema-unknown-key' });
    expect(diagnostics[0]!.message.zh).toContain('你是不是想写「editors」');
  });

  it('without any series file, the name and offices must be in the issue', async () => {
    const dir = tempFiles({ 'issue.yaml': ISSUE });
    const { diagnostics } = await loadIssue(path.join(dir, 'issue.yaml'), { noSeries: true });
    expect(diagnostics.map((d) => d.rule)).toEqual(['series-required', 'series-required']);
    expect(diagnostics[0]!.message.zh).toContain('bulletin.series.yaml');
  });

  it('series: names a folder, the issue itself, or nothing usable: said at the `series:` line, nothing else looked for', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES.replace('editors:', 'editor:'), 'sub/x.txt': '' });
    const cases: [string, string, RegExp][] = [
      ['sub', 'series-not-found', /「series」指向的是文件夹 sub（.*），应为系列文件的路径，如 sub\/bulletin\.series\.yaml/],
      ['issue.yaml', 'series-not-found', /「series」指向本文件自己（issue\.yaml）/],
      ['""', 'schema-empty', /「series」.*不能为空/],
      ['true', 'schema-type', /应为系列文件的路径，或 false/],
    ];
    for (const [value, rule, message] of cases) {
      const file = path.join(dir, 'issue.yaml');
      writeFileSync(file, `${ISSUE}series: ${value}\n`);
      const { diagnostics } = await loadIssue(file);
      // Only the `series:` line: the broken bulletin.series.yaml next to it was not read.
      expect(diagnostics.map((d) => `${d.rule} ${d.line}:${d.column}`), value).toEqual([`${rule} 9:9`]);
      expect(diagnostics[0]!.message.zh, value).toMatch(message);
    }
  });

  it('issue fields written in a series file are said to belong in the issue files', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': `${SERIES}date: 2026-05-21\nnumber: 3\n`, 'issue.yaml': ISSUE });
    const { diagnostics } = await loadIssue(path.join(dir, 'issue.yaml'));
    expect(diagnostics.map((d) => `${path.basename(d.file)} ${d.line}:${d.column} ${d.rule}`)).toEqual(['bulletin.series.yaml 12:1 schema-unknown-key', 'bulletin.series.yaml 13:1 schema-unknown-key']);
    expect(diagnostics[0]!.message.zh).toMatch(/^「date」（日期）只能写在每一期的简报文件中，不能写在系列文件里/);
    expect(diagnostics[0]!.message.zh).not.toContain('你是不是想写');
    expect(diagnostics[1]!.message.en).toMatch(/^"number" \(期号\) belongs in each issue file, not in the series file/);
  });

  it('normalize: a required setting written empty is reported at its key, in the file that writes it', () => {
    const sources = new YamlSourceMap();
    const seriesFile = '/s/bulletin.series.yaml';
    const seriesData = parseYaml(seriesFile, 'name: 甲\noffices: []\n', sources).data as Record<string, unknown>;
    const issueData = parseYaml('/s/i.yaml', ISSUE, sources).data as Record<string, unknown>;
    const r = normalize({ file: '/s/i.yaml', issueData, merged: mergeSettings(seriesData, issueData), seriesFile, seriesData }, sources);
    expect(r.diagnostics.map((d) => `${d.file} ${d.line}:${d.column} ${d.rule}`)).toEqual([`${seriesFile} 2:1 series-required`]);
  });

  it('mergeSettings keeps colour whole', () => {
    expect(mergeSettings({ colour: { cmyk: [0, 100, 100, 0] } }, { colour: { rgb: [1, 2, 3] } })).toEqual({ colour: { rgb: [1, 2, 3] } });
  });
});

describe('series: false', () => {
  it('keeps a bulletin.series.yaml above the file from creeping in', async () => {
    const dir = tempFiles({
      'bulletin.series.yaml': 'name: 上级信息\noffices: [上级办公室]\nsecurityMark: 内部资料\n',
      'sub/issue.yaml': 'series: false\nname: 本级信息\noffices: [本级办公室]\nnumber: 1\ndate: 2026-01-05\nsections:\n  - label: 动态\n    items:\n      - title: 标题\n        body: 正文。\n        source: 区发改局\n',
    });
    const { issue, diagnostics } = await loadIssue(path.join(dir, 'sub/issue.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(issue!.series.seriesFile).toBeUndefined();
    expect(issue!.series.securityMark).toBeUndefined();
    expect(issue!.series.name).toBe('本级信息');
  });
});
