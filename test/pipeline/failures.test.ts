/**
 * A failed build writes nothing and keeps an earlier good PDF byte for byte; a missing glyph is named with its
 * code point and line:column (a warning with --allow-missing-glyphs); the build refuses to overwrite its
 * input; a folder as output is a clear error. No stack traces anywhere.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildIssue } from '../../src/pipeline/build-issue.js';
import { runCli } from '../fixtures/capture.js';
import { examples, reference, STACK, suiteDir } from './helpers.js';

/** The CLI in-process, in Chinese. */
const run = (...args: string[]) => runCli('--lang', 'zh', ...args);

// The reference issue with `series: false` taken out, so the series file written beside it applies.
const referenceText = readFileSync(reference, 'utf8').replace(/^series: false.*\n/m, '');
const seriesText = readFileSync(path.join(examples, '../test/fixtures/gusu.series.yaml'), 'utf8');

afterEach(() => vi.restoreAllMocks());

let tmp: ReturnType<typeof suiteDir>;
let n = 0;
/** A fresh folder holding the series file and `issue.yaml` with the given text. */
function issueDir(text: string): { dir: string; file: string } {
  const dir = path.join(tmp.dir, `case-${++n}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'bulletin.series.yaml'), seriesText);
  const file = path.join(dir, 'issue.yaml');
  writeFileSync(file, text);
  return { dir, file };
}

/** 1-based line and column (in code points) of the first `needle` in `text`. */
function position(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle));
  const lines = before.split('\n');
  return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}

const EMOJI = '😀'; // U+1F600
const EXT_G = '\u{30000}'; // CJK Extension G, in no font we ship
const withEmoji = referenceText.replace('一是“六促一提”', `一是${EMOJI}“六促一提”`);
const withExtG = referenceText.replace('金阊街道“三聚焦”', `金阊街道${EXT_G}“三聚焦”`);

let goodBytes: Buffer;

beforeAll(async () => {
  tmp = suiteDir();
  const { dir, file } = issueDir(referenceText);
  const r = await buildIssue(file, { env: {} });
  expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
  goodBytes = readFileSync(path.join(dir, 'issue.pdf'));
});

afterAll(() => tmp?.remove());

describe('a character no font has', () => {
  it('fails the build naming the character, its code point and line:column; the earlier good PDF stays as it was', async () => {
    const { dir, file } = issueDir(referenceText);
    const pdf = path.join(dir, 'issue.pdf');
    writeFileSync(pdf, goodBytes);
    writeFileSync(file, withEmoji);
    const r = await buildIssue(file, { env: {} });
    expect(r.ok).toBe(false);
    const missing = r.diagnostics.filter((d) => d.rule === 'font-missing-glyph');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ file, severity: 'error', ...position(withEmoji, EMOJI) });
    expect(missing[0]!.message.zh).toContain(`“${EMOJI}”（U+1F600）`);
    expect(missing[0]!.message.en).toContain('U+1F600');
    expect(readFileSync(pdf).equals(goodBytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['bulletin.series.yaml', 'issue.pdf', 'issue.yaml']);
  });

  it('a rare CJK Extension G character in a title: no file written', async () => {
    const { dir, file } = issueDir(withExtG);
    const r = await buildIssue(file, { env: {} });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.rule === 'font-missing-glyph')!;
    expect(d).toMatchObject({ severity: 'error', ...position(withExtG, EXT_G) });
    expect(d.message.zh).toContain('U+30000');
    expect(d.message.zh).toContain(EXT_G);
    // written once (the contents' copy of the title is not a second place in the file)
    expect(d.message.zh).not.toContain('共 2 处');
    expect(readdirSync(dir).sort()).toEqual(['bulletin.series.yaml', 'issue.yaml']);
  });

  it('the CLI prints file:line:column and the code point, exits 1, no stack trace; --allow-missing-glyphs builds with a warning', async () => {
    const { dir, file } = issueDir(withEmoji);
    const { line, column } = position(withEmoji, EMOJI);
    const r = await run('build', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}:${line}:${column}  error  字符“${EMOJI}”（U+1F600）`);
    expect(r.out).toContain('未生成 PDF');
    expect(r.err + r.out).not.toMatch(STACK);
    expect(readdirSync(dir)).not.toContain('issue.pdf');

    const ok = await run('build', file, '--allow-missing-glyphs');
    expect(ok.code).toBe(0);
    expect(ok.err).toContain(`${file}:${line}:${column}  warning  字符“${EMOJI}”（U+1F600）`);
    expect(ok.err).toContain('--allow-missing-glyphs');
    expect(ok.err + ok.out).not.toMatch(STACK);
    expect(readFileSync(path.join(dir, 'issue.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('a broken issue', () => {
  it('a schema error: no output, and an earlier good PDF at the same path is unchanged', async () => {
    const broken = referenceText.replace('number: 22', 'number: 二十二');
    const { dir, file } = issueDir(broken);
    const pdf = path.join(dir, 'issue.pdf');
    writeFileSync(pdf, goodBytes);
    const r = await buildIssue(file, { env: {} });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ file, rule: 'schema-type', ...position(broken, '二十二') });
    expect(readFileSync(pdf).equals(goodBytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['bulletin.series.yaml', 'issue.pdf', 'issue.yaml']);

    const cli = await run('build', file);
    expect(cli.code).toBe(1);
    expect(cli.err).toMatch(/issue\.yaml:\d+:\d+ {2}error/);
    expect(cli.err + cli.out).not.toMatch(STACK);
    expect(readFileSync(pdf).equals(goodBytes)).toBe(true);
  });

  it('a YAML syntax error: no output', async () => {
    const { dir, file } = issueDir(referenceText.replace('sections:\n', 'sections:\n  - label: [动态\n'));
    const r = await run('build', file);
    expect(r.code).toBe(1);
    expect(r.err + r.out).not.toMatch(STACK);
    expect(readdirSync(dir).sort()).toEqual(['bulletin.series.yaml', 'issue.yaml']);
  });
});

describe('where the PDF goes', () => {
  it('refuses to write over its own input (-o issue.yaml), or over the series file', async () => {
    const { dir, file } = issueDir(referenceText);
    for (const target of [file, path.join(dir, 'bulletin.series.yaml')]) {
      const r = await run('build', file, '-o', target);
      expect(r.code).not.toBe(0);
      expect(r.err).toContain('输出文件不能是输入文件本身');
      expect(r.err + r.out).not.toMatch(STACK);
    }
    expect(readFileSync(file, 'utf8')).toBe(referenceText);
    expect(readFileSync(path.join(dir, 'bulletin.series.yaml'), 'utf8')).toBe(seriesText);
    expect(readdirSync(dir).sort()).toEqual(['bulletin.series.yaml', 'issue.yaml']);
    const direct = await buildIssue(file, { output: file });
    expect(direct.ok).toBe(false);
    expect(direct.diagnostics[0]).toMatchObject({ rule: 'build-output', severity: 'error' });
  });

  it('an output path that is a folder: clear error, exit 2, nothing written', async () => {
    const { dir, file } = issueDir(referenceText);
    const out = path.join(dir, 'out');
    mkdirSync(out);
    const r = await run('build', file, '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('这是一个文件夹');
    expect(r.err + r.out).not.toMatch(STACK);
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['bulletin.series.yaml', 'issue.yaml', 'out']);
  });

  it('an output folder that does not exist, and a missing input: clear errors, exit 2', async () => {
    const { dir, file } = issueDir(referenceText);
    const r = await run('build', file, '-o', path.join(dir, 'no', 'such', 'x.pdf'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('输出文件夹不存在');
    const missing = await run('build', path.join(dir, 'nothere.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到这个文件');
    for (const x of [r, missing]) expect(x.err + x.out).not.toMatch(STACK);
  });

  it('by default the PDF is written beside the issue, atomically (no temp file left)', async () => {
    const { dir, file } = issueDir(referenceText);
    const r = await run('build', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓');
    expect(readdirSync(dir).sort()).toEqual(['bulletin.series.yaml', 'issue.pdf', 'issue.yaml']);
    expect(readFileSync(path.join(dir, 'issue.pdf')).equals(goodBytes)).toBe(true);
  });
});
