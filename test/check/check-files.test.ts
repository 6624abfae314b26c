/** checkFiles: what `bulletin check` does between reading the command line and printing. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/check-files.js';
import { uniqueDiagnostics as unique } from '../../src/diagnostics.js';
import type { Issue } from '../../src/issue/model.js';
import { repoRoot, tempFiles } from '../fixtures/tmp.js';

const SERIES = readFileSync(path.join(repoRoot, 'test/fixtures/gusu.series.yaml'), 'utf8');
const today = new Date(2026, 4, 25, 12);
const noFonts = async () => undefined;

const issue = (n: number, date: string) => `number: ${n}
date: ${date}
sections:
  - label: 动态
    items:
      - title: 第${n}期的标题
        body: 第${n}期的正文。
        source: 区发改局
`;

const rows = (ds: { file: string; line: number; column: number; rule: string }[]) => ds.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.rule}`);

describe('checkFiles', () => {
  it('a mistake in a shared series file is reported once, not once per issue', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': `${SERIES}rules: { punct-halfwidth: 3 }\n`, 'a-001.yaml': issue(1, '2026-05-07'), 'a-002.yaml': issue(2, '2026-05-14') });
    const r = await checkFiles([path.join(dir, 'a-001.yaml'), path.join(dir, 'a-002.yaml')], { today, coverage: noFonts });
    const line = SERIES.split('\n').length;
    expect(rows(r.diagnostics)).toEqual([`bulletin.series.yaml:${line}:${'rules: { punct-halfwidth: '.length + 1} schema-enum`]);
  });

  it('an editorial mistake in the series file is reported whether the series file or the folder is checked', async () => {
    const series = SERIES.replace('区四套班子主要领导，党工委委员', '区四套班子主要领导,党工委委员');
    const dir = tempFiles({ 'bulletin.series.yaml': series, 'a-001.yaml': issue(1, '2026-05-07') });
    const lines = series.split('\n');
    const line = lines.findIndex((l) => l.includes('领导,')) + 1;
    const column = lines[line - 1]!.indexOf(',') + 1;
    const want = [`bulletin.series.yaml:${line}:${column} punct-halfwidth`];
    expect(rows((await checkFiles([path.join(dir, 'bulletin.series.yaml')], { today, coverage: noFonts })).diagnostics)).toEqual(want);
    expect(rows((await checkFiles([path.join(dir, 'a-001.yaml')], { today, coverage: noFonts })).diagnostics)).toEqual(want);
    // Both together: still once.
    expect(rows((await checkFiles([path.join(dir, 'bulletin.series.yaml'), path.join(dir, 'a-001.yaml')], { today, coverage: noFonts })).diagnostics)).toEqual(want);
  });

  it('a series file on its own: placeholders and font coverage of its settings; no date rules; --fix fixes it', async () => {
    const series = SERIES.replace('name: 姑苏信息', 'name: 【待填写】').replace('  - 傅之尧', '  - 傅之𠀀').replace('，党工委委员', ',党工委委员');
    const dir = tempFiles({ 'bulletin.series.yaml': series });
    const file = path.join(dir, 'bulletin.series.yaml');
    const astral = async () => (_role: string, text: string) => [...text.matchAll(/[\u{10000}-\u{10FFFF}]/gu)].map((m) => m.index);
    const r = await checkFiles([file], { today, coverage: astral });
    expect(r.diagnostics.map((d) => d.rule).sort()).toEqual(['font-coverage', 'placeholder', 'punct-halfwidth']);
    const name = series.split('\n').findIndex((l) => l.startsWith('name:')) + 1;
    expect(r.diagnostics.find((d) => d.rule === 'placeholder')).toMatchObject({ file, line: name, column: 7 });
    const fixed = await checkFiles([file], { today, coverage: astral, fix: true });
    expect(fixed.fixed).toMatchObject([{ file, changed: true }]);
    expect(readFileSync(file, 'utf8')).toBe(series.replace(',党工委委员', '，党工委委员'));
    expect(fixed.diagnostics.map((d) => d.rule).sort()).toEqual(['font-coverage', 'placeholder']);
  });

  it('a placeholder in a setting the issue overrides is reported in the issue, at the marker', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES, 'a-001.yaml': `serial: (GS)简字【待填写】号\n${issue(1, '2026-05-07')}` });
    const r = await checkFiles([path.join(dir, 'a-001.yaml')], { today, coverage: noFonts });
    expect(rows(r.diagnostics)).toEqual([`a-001.yaml:1:${'serial: (GS)简字'.length + 1} placeholder`]);
  });

  it('a series file with errors is only validated', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES.replace('name: 姑苏信息', 'name: 3').replace('，党工委委员', ',党工委委员') });
    const r = await checkFiles([path.join(dir, 'bulletin.series.yaml')], { today, coverage: noFonts });
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['schema-type']);
  });

  it('BULLETIN_TODAY judges "in the future"; a value that is not a day checks nothing and says so', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES, 'a-001.yaml': issue(1, '2026-05-07') });
    const file = path.join(dir, 'a-001.yaml');
    expect(rows((await checkFiles([file], { env: { BULLETIN_TODAY: '2026-05-06' }, coverage: noFonts })).diagnostics)).toEqual(['a-001.yaml:2:7 date-future']);
    expect((await checkFiles([file], { env: { BULLETIN_TODAY: '2026-05-07' }, coverage: noFonts })).diagnostics).toEqual([]);
    const bad = await checkFiles([file], { env: { BULLETIN_TODAY: '2026-02-30' }, coverage: noFonts });
    expect(bad.todayError?.zh).toContain('BULLETIN_TODAY=2026-02-30 不是有效日期');
    expect(bad.diagnostics).toEqual([]);
  });

  it('font coverage is resolved once per font setup: an issue that sets its own fonts gets its own', async () => {
    const dir = tempFiles({
      'bulletin.series.yaml': SERIES,
      'a-001.yaml': issue(1, '2026-05-07'),
      'a-002.yaml': issue(2, '2026-05-14'),
      'a-003.yaml': `fonts: { body: 宋体 }\n${issue(3, '2026-05-21')}`,
    });
    const asked: string[] = [];
    const coverage = async (i: Issue) => {
      asked.push(path.basename(i.file));
      // Only the issue with its own body font lacks 正.
      return i.series.fonts.body[0] === '宋体' ? (_role: string, text: string) => [...text.matchAll(/正/gu)].map((m) => m.index) : undefined;
    };
    const r = await checkFiles(['a-001.yaml', 'a-002.yaml', 'a-003.yaml'].map((f) => path.join(dir, f)), { today, coverage });
    expect(asked).toEqual(['a-001.yaml', 'a-003.yaml']);
    expect(rows(r.diagnostics)).toEqual(['a-003.yaml:8:19 font-coverage']);
  });

  it('unique keeps the first of equal findings and nothing else', () => {
    const d = { file: '/a.yaml', line: 1, column: 2, severity: 'error' as const, rule: 'x', message: { zh: '甲', en: 'a' } };
    expect(unique([d, { ...d }, { ...d, column: 3 }, { ...d, message: { zh: '乙', en: 'a' } }])).toHaveLength(3);
  });
});
