import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { defaultOutName } from '../../src/scaffold/next-issue.js';
import { examples, tempFiles } from '../fixtures/tmp.js';
import { run } from './run.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const SERIES = readFileSync(path.join(examples, '../test/fixtures/gusu.series.yaml'), 'utf8');
const DECEMBER = `# yaml-language-server: $schema=../schemas/bulletin.schema.json
# 《姑苏信息》第 70 期。
number: 70
yearNumber: 52
date: 2026-12-28
printCount: 80   # 本期增印

sections:
  - label: 动态
    items:
      - title: 区发改局召开年度总结会
        body: |
          会议总结了全年工作。
        source: 区发改局
  - label: 简讯
    numbered: false
    style: bullets
    items:
      - body: 近日，区总工会开展送温暖活动。
        source: 区总工会
`;

describe('bulletin new', () => {
  it('across a year boundary: yearNumber restarts at 1, number + 1, date is today', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES, 'gusu-070.yaml': DECEMBER });
    vi.stubEnv('BULLETIN_TODAY', '2027-01-04');
    const r = await run('new', '--from', path.join(dir, 'gusu-070.yaml'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = path.join(dir, 'gusu-071.yaml');
    const text = readFileSync(out, 'utf8');
    const data = parse(text) as Record<string, unknown>;
    expect(data.number).toBe(71);
    expect(data.yearNumber).toBe(1);
    expect(data.date).toBe('2027-01-04');
    expect(r.out).toContain('第 71 期（2027 年 1 期）');
    // Comments, the $schema line and the per-issue override survive; the header names the new issue.
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/bulletin.schema.json');
    expect(text).toContain('第 71 期');
    expect(text).toContain('printCount: 80 # 本期增印');
    // Series settings are not copied in.
    expect(text).not.toContain('offices');
    expect(text).not.toContain('name:');
  });

  it('in the same year: yearNumber + 1; sections keep their labels and flags with placeholder items', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES, 'gusu-070.yaml': DECEMBER });
    vi.stubEnv('BULLETIN_TODAY', '2026-12-31');
    expect((await run('new', '--from', path.join(dir, 'gusu-070.yaml'), path.join(dir, 'next.yaml'))).code).toBe(0);
    const data = parse(readFileSync(path.join(dir, 'next.yaml'), 'utf8')) as { yearNumber: number; date: string; sections: Record<string, unknown>[] };
    expect(data.yearNumber).toBe(53);
    expect(data.date).toBe('2026-12-31');
    expect(data.sections.map((s) => s.label)).toEqual(['动态', '简讯']);
    expect(data.sections[1]).toMatchObject({ numbered: false, style: 'bullets' });
    expect(data.sections[0]!.items).toHaveLength(1);
    expect(JSON.stringify(data.sections)).not.toContain('年度总结会');
  });

  it('the new file loads without schema errors and check asks the editor to fill it in', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES, 'gusu-070.yaml': DECEMBER });
    // The real today: check's date-future rule compares with the clock, not with BULLETIN_TODAY.
    await run('new', '--from', path.join(dir, 'gusu-070.yaml'));
    const out = path.join(dir, 'gusu-071.yaml');
    const loaded = await loadIssue(out);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const r = await run('--lang', 'zh', 'check', out);
    expect(r.code).toBe(1);
    const rules = [...r.out.matchAll(/ {2}\(([a-z-]+)\)$/gm)].map((m) => m[1]);
    expect(new Set(rules)).toEqual(new Set(['placeholder']));
    expect(r.out).toContain('请填写本期的标题');
  });

  it('refuses to overwrite an existing file', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': SERIES, 'gusu-070.yaml': DECEMBER, 'gusu-071.yaml': 'keep me\n' });
    vi.stubEnv('BULLETIN_TODAY', '2027-01-04');
    const r = await run('new', '--from', path.join(dir, 'gusu-070.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('已经存在');
    expect(readFileSync(path.join(dir, 'gusu-071.yaml'), 'utf8')).toBe('keep me\n');
  });

  it('reports an unreadable previous issue and a bad BULLETIN_TODAY without a stack trace', async () => {
    const dir = tempFiles({ 'a.yaml': 'number: 1\n' });
    let r = await run('new', '--from', path.join(dir, 'missing.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法读取');
    r = await run('--lang', 'en', 'new', '--from', path.join(dir, 'a.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/a\.yaml:1:1 {2}error {2}missing the required property "date".* {2}\(schema-required\)/);
    vi.stubEnv('BULLETIN_TODAY', '2027-02-30');
    r = await run('new', '--from', path.join(dir, 'a.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toBe('bulletin new：环境变量 BULLETIN_TODAY=2027-02-30 不是有效日期，应写成 YYYY-MM-DD（如 2026-05-21），或者不设置（用今天的日期）\n');
    expect(existsSync(path.join(dir, 'a-2.yaml'))).toBe(false);
  });

  it('derives the default name from the previous one', () => {
    expect(defaultOutName('/x/gusu-022.yaml', 22, 23)).toBe('gusu-023.yaml');
    expect(defaultOutName('/x/issue-9.yaml', 9, 10)).toBe('issue-10.yaml');
    expect(defaultOutName('/x/latest.yaml', 22, 23)).toBe('latest-23.yaml');
    expect(defaultOutName('/x/2026-05.yaml', 22, 23)).toBe('2026-05-23.yaml');
  });

  it('keeps relative paths right when the new file goes to another folder', async () => {
    const dir = tempFiles({
      'series/bulletin.series.yaml': SERIES,
      'a/gusu-070.yaml': DECEMBER.replace('number: 70', 'series: ../series/bulletin.series.yaml\nnumber: 70'),
    });
    vi.stubEnv('BULLETIN_TODAY', '2027-01-04');
    writeFileSync(path.join(dir, 'placeholder'), '');
    expect((await run('new', '--from', path.join(dir, 'a/gusu-070.yaml'), path.join(dir, 'b/c/next.yaml'))).code).toBe(2);
    expect((await run('new', '--from', path.join(dir, 'a/gusu-070.yaml'), path.join(dir, 'next.yaml'))).code).toBe(0);
    const text = readFileSync(path.join(dir, 'next.yaml'), 'utf8');
    expect(text).toContain('series: series/bulletin.series.yaml');
    expect(text).toContain('$schema=schemas/bulletin.schema.json');
  });
});
