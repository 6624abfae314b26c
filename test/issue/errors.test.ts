import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadIssue } from '../../src/issue/load.js';
import { MINIMAL, tempDir, tempFiles } from '../fixtures/tmp.js';

async function load(content: string | Uint8Array): Promise<Diagnostic[]> {
  const dir = tempFiles({ 'issue.yaml': content });
  const result = await loadIssue(path.join(dir, 'issue.yaml'), { noSeries: true });
  return result.diagnostics;
}

function only(diags: Diagnostic[]): Diagnostic {
  expect(diags.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message.zh}`)).toHaveLength(1);
  return diags[0]!;
}

describe('mistakes in an issue file', () => {
  it('accepts the minimal issue', async () => {
    expect(await load(MINIMAL)).toEqual([]);
  });

  it('missing field: names it, says what it is, points at the mapping that lacks it', async () => {
    const d = only(await load(MINIMAL.replace('        body: 正文一。\n', '')));
    expect(d.rule).toBe('schema-required');
    expect(d.message.zh).toContain('缺少必填项「body」（正文）');
    expect(d.message.en).toContain('missing the required property "body"');
    expect([d.line, d.column]).toEqual([9, 9]);
  });

  it('missing top-level field points at the top mapping', async () => {
    const d = only(await load(MINIMAL.replace('date: 2026-05-21\n', '')));
    expect(d.message.zh).toContain('缺少必填项「date」（日期）');
    expect(d.message.zh).toContain('2026-05-21');
    expect([d.line, d.column]).toEqual([1, 1]);
  });

  it('wrong type: what was expected and what was found, at the value', async () => {
    const d = only(await load(MINIMAL.replace('number: 1', 'number: 第一期')));
    expect(d.rule).toBe('schema-type');
    expect(d.message.zh).toContain('「number」（期号）应为整数');
    expect(d.message.zh).toContain('实际是文字 "第一期"');
    expect(d.message.en).toContain('must be an integer');
    expect([d.line, d.column]).toEqual([4, 9]);
  });

  it('unknown key: did you mean, at the key', async () => {
    const d = only(await load(MINIMAL.replace('      - title: 标题一', '      - titel: 标题一')));
    expect(d.rule).toBe('schema-unknown-key');
    expect(d.message.zh).toContain('未知的键「titel」，你是不是想写「title」？');
    expect(d.message.en).toContain('did you mean "title"?');
    expect([d.line, d.column]).toEqual([9, 9]);
  });

  it('unknown key written in Chinese suggests the English key', async () => {
    const d = only(await load(MINIMAL.replace('        source: 区发改局', '        来源: 区发改局')));
    expect(d.message.zh).toContain('你是不是想写「source」');
    expect([d.line, d.column]).toEqual([11, 9]);
  });

  it('a top-level setting inside a section says where it belongs', async () => {
    const d = only(await load(MINIMAL.replace('  - label: 动态\n', '  - label: 动态\n    printCount: 3\n')));
    expect(d.message.zh).toContain('「printCount」应写在文件顶层');
    expect([d.line, d.column]).toEqual([8, 5]);
  });

  it('impossible date: says why, at the date', async () => {
    const d = only(await load(MINIMAL.replace('2026-05-21', '2026-02-30')));
    expect(d.rule).toBe('date-invalid');
    expect(d.message.zh).toBe('日期 2026-02-30 不存在：2026 年 2 月只有 28 天');
    expect([d.line, d.column]).toEqual([5, 7]);
  });

  it('leap years are handled', async () => {
    expect(await load(MINIMAL.replace('2026-05-21', '2028-02-29'))).toEqual([]);
    const d = only(await load(MINIMAL.replace('2026-05-21', '2026-13-01')));
    expect(d.message.zh).toContain('没有 13 月');
  });

  it('date in the wrong format: shows the expected form', async () => {
    const d = only(await load(MINIMAL.replace('2026-05-21', '2026/05/21')));
    expect(d.rule).toBe('schema-format');
    expect(d.message.zh).toContain('YYYY-MM-DD');
    expect([d.line, d.column]).toEqual([5, 7]);
  });

  it('wrong indentation: a syntax error at the misaligned line', async () => {
    const d = only(await load(MINIMAL.replace('        body: 正文一。', '       body: 正文一。')));
    expect(d.rule).toBe('yaml-syntax');
    expect(d.message.zh).toContain('缩进不对');
    expect([d.line, d.column]).toEqual([10, 8]);
  });

  it('a tab used for indentation gets its own message', async () => {
    const d = only(await load(MINIMAL.replace('  - label: 动态', '\t- label: 动态')));
    expect(d.rule).toBe('yaml-tab');
    expect(d.message.zh).toContain('Tab');
    expect(d.message.zh).toContain('空格');
    expect([d.line, d.column]).toEqual([7, 1]);
  });

  it('binary junk is not text', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    const d = only(await load(junk));
    expect(d.rule).toBe('not-text');
    expect(d.message.zh).toContain('不是文本文件');
  });

  it('an empty file says what it needs', async () => {
    const d = only(await load(''));
    expect(d.rule).toBe('empty-file');
    expect([d.line, d.column]).toEqual([1, 1]);
    expect(d.message.zh).toContain('文件是空的');
  });

  it('a YAML list at the top level is not an issue', async () => {
    const d = only(await load('- a\n- b\n'));
    expect(d.rule).toBe('yaml-not-mapping');
  });

  it('a GB18030 file: says so and says to save as UTF-8', async () => {
    const d = only(await load(Buffer.from('number: 1\ntitle: \xd6\xd0\xce\xc4\xb1\xea\xcc\xe2\n', 'latin1')));
    expect(d.rule).toBe('encoding');
    expect(d.message.zh).toContain('GB18030');
    expect(d.message.zh).toContain('UTF-8');
    expect([d.line, d.column]).toEqual([2, 8]);
  });

  it('a UTF-8 BOM is ignored', async () => {
    expect(await load(`\ufeff${MINIMAL}`)).toEqual([]);
  });

  it('custom tags are refused', async () => {
    const d = only(await load(MINIMAL.replace('number: 1', 'number: !!python/object 1')));
    expect(d.rule).toBe('yaml-tag');
    expect(d.line).toBe(4);
  });

  it('alias expansion is bounded (billion laughs)', async () => {
    let yaml = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g']] as const) {
      yaml += `${name}: &${name} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]\n`;
    }
    const d = only(await load(yaml));
    expect(d.rule).toBe('yaml-alias');
    // At the first alias: line 2, after "b: &b [".
    expect(d).toMatchObject({ line: 2, column: 8 });
  });

  it('a 10 MB file is refused with a message, without reading it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, `number: 1\nnote: "${'x'.repeat(10 * 1024 * 1024)}"\n`);
    const result = await loadIssue(file);
    const d = only(result.diagnostics);
    expect(d.rule).toBe('file-too-large');
    expect(d.message.zh).toContain('文件太大');
    expect(d.message.zh).toContain('5 MB');
  });

  it('a missing file is an io diagnostic, not an exception', async () => {
    const result = await loadIssue(path.join(tempDir(), 'nope.yaml'));
    expect(only(result.diagnostics).rule).toBe('io');
  });

  it('duplicate keys are reported', async () => {
    const d = only(await load(MINIMAL.replace('number: 1\n', 'number: 1\nnumber: 2\n')));
    expect(d.message.zh).toContain('键重复');
    expect(d.line).toBe(5);
  });

  it('date in the wrong format: one clause, then the example (no 。，); English says what it is too', async () => {
    const d = only(await load(MINIMAL.replace('2026-05-21', '2026-5-1')));
    expect(d.message.zh).toBe('「date」（日期）格式不对：印发日期，写成 YYYY-MM-DD，如 2026-05-21；实际是 "2026-5-1"');
    expect(d.message.en).toBe('"date" (日期) has the wrong format: the date of issue, written YYYY-MM-DD, e.g. 2026-05-21; got "2026-5-1"');
    const missing = only(await load(MINIMAL.replace('date: 2026-05-21\n', '')));
    expect(missing.message.en).toBe('missing the required property "date" (日期): the date of issue, written YYYY-MM-DD, e.g. date: 2026-05-21');
  });

  it('offices: [] is an error at the list, not at the top of the file', async () => {
    const d = only(await load(MINIMAL.replace('offices:\n  - 测试办公室', 'offices: []')));
    expect(d.message.zh).toBe('「offices」（编发单位）至少要有 1 项');
    expect([d.line, d.column]).toEqual([2, 10]);
  });

  it('a title, body, source or label of blanks only is refused at the value, once', async () => {
    const cases: [string, string, string, number, number][] = [
      ['title', '      - title: 标题一', '      - title: "  "', 9, 16],
      ['body', '        body: 正文一。', '        body: "\\u3000 "', 10, 15],
      ['body list', '        body: 正文一。', '        body: ["正文。", " "]', 10, 23],
      ['source', '        source: 区发改局', '        source: " "', 11, 17],
      ['label', '  - label: 动态', '  - label: " "', 7, 12],
    ];
    for (const [what, from, to, line, column] of cases) {
      const d = only(await load(MINIMAL.replace(from, to)));
      expect(d.rule, what).toBe('schema-empty');
      expect(d.message.zh, what).toContain('不能只有空白（空格、换行）');
      expect(d.message.en, what).toContain('must not be blank');
      expect([d.line, d.column], what).toEqual([line, column]);
    }
    // Empty is "empty", not also "blank".
    expect(only(await load(MINIMAL.replace('        source: 区发改局', '        source: ""'))).message.zh).toContain('不能为空');
  });

  it('series: true names the two ways to write it', async () => {
    const d = only(await load(`series: true\n${MINIMAL}`));
    expect(d.message.zh).toBe('「series」（系列文件）应为系列文件的路径，或 false（不使用系列文件），如 ../bulletin.series.yaml；实际是 true');
    expect(d.message.en).toContain('must be the path of the series file (e.g. ../bulletin.series.yaml), or false');
    expect([d.line, d.column]).toEqual([1, 9]);
  });

  it('colour: a malformed hex value and a CMYK list of the wrong length', async () => {
    const hex = only(await load(`colour: "#E6001"\n${MINIMAL}`));
    expect(hex.message.zh).toContain('「colour」');
    expect([hex.line, hex.column]).toEqual([1, 9]);
    const cmyk = only(await load(`colour:\n  cmyk: [0, 100, 100]\n${MINIMAL}`));
    expect(cmyk.message.zh).toContain('至少要有 4 项');
    expect(cmyk.line).toBe(2);
  });
});
