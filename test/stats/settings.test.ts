/**
 * The settings `bulletin stats` reads: `sources` with aliases, `stats:` (points, marks, multiSource) and the
 * items' `marks` / `extraPoints` — through the loader, as every command reads them — and the one reading of a
 * source text (src/issue/source-names.ts) that check's source-unknown shares.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/check-files.js';
import { loadIssue } from '../../src/issue/load.js';
import { sourceUnits } from '../../src/issue/source-names.js';
import { tempFiles } from '../fixtures/tmp.js';

const SERIES = `name: 测试信息
offices: [测试办公室]
sources:
  - 区商务局
  - name: 区发改局
    aliases: [区发展改革局, 发改局]
stats:
  points: { 动态: 1, 摘报: 2, 简讯: 0.5 }
  marks: { 批示: 3 }
  multiSource: split
`;

const issue = (items: string) => `number: 1
date: 2026-03-02
sections:
  - label: 动态
    items:
${items}`;

describe('series settings for stats', () => {
  it('loads aliases, stats settings and the items\' marks and extra points', async () => {
    const dir = tempFiles({
      'bulletin.series.yaml': SERIES,
      'a.yaml': issue(`      - title: 甲
        body: 正文。
        source: 发改局
        marks: [批示]
        extraPoints: 1.5
`),
    });
    const loaded = await loadIssue(path.join(dir, 'a.yaml'));
    expect(loaded.diagnostics).toEqual([]);
    const { series, sections } = loaded.issue!;
    expect(series.sources).toEqual(['区商务局', '区发改局']);
    expect(series.sourceAliases).toEqual({ 区发展改革局: '区发改局', 发改局: '区发改局' });
    expect(series.stats).toEqual({ points: { 动态: 1, 摘报: 2, 简讯: 0.5 }, marks: { 批示: 3 }, multiSource: 'split' });
    const item = sections[0]!.items[0]!;
    expect(item.marks!.map((m) => m.text)).toEqual(['批示']);
    expect(item.extraPoints).toBe(1.5);
    // The mark is positioned like any other text (stats points at it when its value is missing).
    expect(loaded.sources.position(item.marks![0]!.ref)).toEqual({ line: 9, column: 17 });
  });

  it('refuses a points value that is not a number, an unknown multiSource and a blank mark, at their places', async () => {
    const dir = tempFiles({
      'bulletin.series.yaml': `name: 测试信息
offices: [测试办公室]
stats:
  points: { 动态: 多 }
  multiSource: half
`,
      'a.yaml': issue(`      - title: 甲
        body: 正文。
        source: 区商务局
        marks: ['  ']
`),
    });
    const d = (await loadIssue(path.join(dir, 'a.yaml'))).diagnostics;
    const at = d.map((x) => [path.basename(x.file), x.line, x.column, x.rule]);
    expect(at).toEqual([
      ['a.yaml', 9, 17, 'schema-empty'],
      ['bulletin.series.yaml', 4, 17, 'schema-type'],
      ['bulletin.series.yaml', 5, 16, 'schema-enum'],
    ]);
    expect(d[1]!.message.zh).toContain('分值');
    expect(d[2]!.message.zh).toContain('each、split');
  });

  it('an alias that names two units, or another unit\'s name, is an error at the alias', async () => {
    const dir = tempFiles({
      'bulletin.series.yaml': `name: 测试信息
offices: [测试办公室]
sources:
  - 区商务局
  - { name: 区发改局, aliases: [发改局] }
  - { name: 区发展改革委, aliases: [发改局, 区商务局] }
`,
      'a.yaml': issue(`      - title: 甲
        body: 正文。
        source: 发改局
`),
    });
    const loaded = await loadIssue(path.join(dir, 'a.yaml'));
    expect(loaded.issue).toBeUndefined();
    expect(loaded.diagnostics.map((x) => [path.basename(x.file), x.line, x.column, x.rule])).toEqual([
      ['bulletin.series.yaml', 6, 31, 'source-alias'],
      ['bulletin.series.yaml', 6, 36, 'source-alias'],
    ]);
    expect(loaded.diagnostics[0]!.message.zh).toBe('别名“发改局”不能同时指区发改局和区发展改革委：来源写成“发改局”时分不清是哪个单位。删去其中一处');
  });
});

describe('sourceUnits', () => {
  const series = { sources: ['区发改局', '区商务局', '区委、区政府办公室'], sourceAliases: { 发改局: '区发改局' } };

  it('resolves aliases, cuts joint sources, keeps a listed name that holds a separator whole', () => {
    expect(sourceUnits('发改局', series)).toEqual([{ name: '区发改局', written: '发改局', offset: 0, known: true }]);
    expect(sourceUnits('区发改局、区商务局', series).map((u) => [u.name, u.offset, u.known])).toEqual([
      ['区发改局', 0, true],
      ['区商务局', 5, true],
    ]);
    expect(sourceUnits('区委、区政府办公室', series).map((u) => u.name)).toEqual(['区委、区政府办公室']);
    // The same unit twice (by name and alias) is one unit; an unknown part is marked, where it is written.
    expect(sourceUnits('区发改局，发改局 / 区财政局', series).map((u) => [u.name, u.offset, u.known])).toEqual([
      ['区发改局', 0, true],
      ['区财政局', 11, false],
    ]);
  });

  it('without a list every unit is taken as written, neither known nor unknown', () => {
    expect(sourceUnits(' 甲、乙 ', { sources: [] })).toEqual([
      { name: '甲', written: '甲', offset: 1 },
      { name: '乙', written: '乙', offset: 3 },
    ]);
    expect(sourceUnits('  ', { sources: [] })).toEqual([]);
  });
});

describe('check reads sources the same way', () => {
  it('source-unknown accepts aliases and joint sources, and points at the unknown unit', async () => {
    const dir = tempFiles({
      'bulletin.series.yaml': SERIES,
      'a.yaml': issue(`      - title: 甲
        body: 正文。
        source: 发改局、区商务局
      - title: 乙
        body: 正文。
        source: 区发改局、区财正局
`),
    });
    const r = await checkFiles([path.join(dir, 'a.yaml')], { today: new Date('2026-06-01'), coverage: async () => undefined });
    const unknown = r.diagnostics.filter((d) => d.rule === 'source-unknown');
    expect(unknown.map((d) => [d.line, d.column, d.message.zh])).toEqual([[11, 22, '来源“区财正局”不在系列设置的来源列表中']]);
  });
});
