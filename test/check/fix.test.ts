/** The --fix engine on its own: edits land in the right scalar, everything else stays byte for byte. */
import { describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCheck } from '../../src/cli/check.js';
import { align, applyEdits, fixSource } from '../../src/check/fix.js';
import type { FixTarget } from '../../src/check/run.js';
import { formatGithub } from '../../src/check/formats/github.js';

const target = (path: (string | number)[], text: string, edits: FixTarget['edits'], textOffset = 0): FixTarget => ({ file: 'x.yaml', path, text, textOffset, edits, rule: 'punct-halfwidth' });
const comma = (text: string) => [{ start: text.indexOf(','), end: text.indexOf(',') + 1, text: '，' }];

describe('fixSource', () => {
  const source = `# 注释保留
a:
  - body: |
      一是,甲。

      二是,乙。
    list:   # 行尾注释
      - |
        三是,丙。
      - plain,值
    q: "双,引"
top: plain,值   # 注释
`;
  it('edits map values, sequence items, block, plain and quoted scalars in place', () => {
    const r = fixSource(source, [
      target(['a', 0, 'body'], '一是,甲。', comma('一是,甲。')),
      target(['a', 0, 'body'], '二是,乙。', comma('二是,乙。'), 7),
      target(['a', 0, 'list', 0], '三是,丙。', comma('三是,丙。')),
      target(['a', 0, 'list', 1], 'plain,值', comma('plain,值')),
      target(['a', 0, 'q'], '双,引', comma('双,引')),
      target(['top'], 'plain,值', comma('plain,值')),
    ]);
    expect(r.applied).toBe(6);
    expect(r.text).toBe(source.replaceAll(',', '，'));
    // Idempotent: the same fixes again find nothing to change (the text no longer matches).
    const again = fixSource(r.text, [target(['top'], 'plain,值', comma('plain,值'))]);
    expect(again).toMatchObject({ text: r.text, applied: 0, skipped: 1 });
  });

  it('skips an edit whose text no longer matches the file (stale findings never land elsewhere)', () => {
    const r = fixSource(source, [target(['top'], '别的,文字', comma('别的,文字'))]);
    expect(r).toMatchObject({ text: source, applied: 0, skipped: 1 });
  });

  it('maps offsets of a paragraph joined from several lines back to the value', () => {
    const folded = 'body: |\n  第一行,\n  第二行 ABC\n  DEF。\n';
    // The loader joins lines without breaks, and with a space between Latin words.
    const text = '第一行,第二行 ABC DEF。';
    const r = fixSource(folded, [target(['body'], text, [...comma(text), { start: 15, end: 16, text: '.' }])]);
    expect(r.text).toBe('body: |\n  第一行，\n  第二行 ABC\n  DEF.\n');
  });

  it('falls back to the Document API for an anchored scalar, keeping comments', () => {
    const src = '# 头\nx: &a 甲,乙\ny: *a\n';
    const r = fixSource(src, [target(['x'], '甲,乙', comma('甲,乙'))]);
    expect(r.text).toContain('# 头');
    expect(r.text).toContain('x: &a 甲，乙');
  });
});

describe('applyEdits and align', () => {
  it('applies non-overlapping edits from the end; the first of two overlapping ones wins', () => {
    expect(applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 2, text: 'AB' }, { start: 1, end: 3, text: 'x' }])).toEqual({ value: 'ABcdEf', applied: 2, skipped: 1 });
  });
  it('aligns text cut from a value, or refuses', () => {
    expect(align('a\nb c', 0, 'ab c')).toEqual([0, 2, 3, 4]);
    expect(align('abc', 0, 'abd')).toBeUndefined();
  });
});

describe('formatGithub', () => {
  it('prints workflow commands with escaped properties and data', () => {
    const out = formatGithub(
      [{ file: '/repo/examples/a,b.yaml', line: 3, column: 7, severity: 'warning', rule: 'source-unknown', message: { zh: '来源 50%\n未知', en: 'x' } }],
      'zh',
      '/repo',
    );
    expect(out).toBe('::warning file=examples/a%2Cb.yaml,line=3,col=7,title=source-unknown::来源 50%25%0A未知 (source-unknown)\n');
  });
});

describe('bulletin check --fix', () => {
  it('repeats passes until nothing changes (a fix can uncover another), then reports clean', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bulletin-fix-'));
    try {
      await writeFile(path.join(dir, 'bulletin.series.yaml'), 'name: 姑苏信息\noffices:\n  - 苏州市姑苏区党政办公室\n');
      const file = path.join(dir, 'a.yaml');
      await writeFile(file, 'number: 1\ndate: 2026-01-08\nsections:\n  - label: 动态\n    items:\n      - title: 标题\n        body: 服务企业 , ，推动发展。\n        source: 区发改局\n');
      const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      const code = await runCheck([file], { lang: 'en', format: 'json', fix: true });
      write.mockRestore();
      expect(await readFile(file, 'utf8')).toContain('body: 服务企业，推动发展。\n');
      expect(code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
