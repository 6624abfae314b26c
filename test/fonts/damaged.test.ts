/**
 * Issue 11, item 2: a font file that cannot be read completely is reported by name by `fonts`, `check` and
 * `build` alike; the next candidate serves its role (exit 0, with a warning), or — when the series names the file
 * by path — the build stops with exit 1 at that setting. Never exit 70.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fontFileProblem } from '../../src/fonts/integrity.js';
import { runCli } from '../fixtures/capture.js';
import { tempFiles } from '../fixtures/tmp.js';
import { NOTO_SERIF } from './helpers.js';

afterEach(() => vi.restoreAllMocks());

const SERIES = 'name: 测试信息\noffices: [测试办公室]\n';
const ISSUE = `number: 1
date: 2026-05-21
sections:
  - label: 动态
    items:
      - title: 区发改局召开一季度重点项目推进会
        body: 会议通报了 1—2 月全区重点项目建设情况。
        source: 区发改局
`;
const STACK = /^\s+at .+[:(].*\d+:\d+\)?$|内部错误|internal error/m;

function tableOf(b: Buffer, tag: string): { rec: number; offset: number; length: number } {
  for (let i = 0; i < b.readUInt16BE(4); i++) {
    const rec = 12 + 16 * i;
    if (b.toString('latin1', rec, rec + 4) === tag) return { rec, offset: b.readUInt32BE(rec + 8), length: b.readUInt32BE(rec + 12) };
  }
  throw new Error(`no ${tag}`);
}

/** Noto Serif SC with two glyph positions (loca) swapped: it opens, its outlines are out of order. */
function locaDamaged(): Buffer {
  const b = Buffer.from(readFileSync(NOTO_SERIF));
  const loca = tableOf(b, 'loca');
  const at = loca.offset + 4 * 1000; // long offsets (indexToLocFormat 1)
  const x = b.readUInt32BE(at);
  b.writeUInt32BE(b.readUInt32BE(at + 4), at);
  b.writeUInt32BE(x, at + 4);
  return b;
}

/** Noto Serif SC whose character map sends 一 (and its group) past the last glyph. */
function cmapPastTheEnd(): Buffer {
  const b = Buffer.from(readFileSync(NOTO_SERIF));
  const cmap = tableOf(b, 'cmap');
  for (let i = 0; i < b.readUInt16BE(cmap.offset + 2); i++) {
    const sub = cmap.offset + b.readUInt32BE(cmap.offset + 4 + 8 * i + 4);
    if (b.readUInt16BE(sub) !== 12) continue;
    for (let g = 0; g < b.readUInt32BE(sub + 12); g++) {
      const p = sub + 16 + 12 * g;
      if (b.readUInt32BE(p) <= 0x4e00 && 0x4e00 <= b.readUInt32BE(p + 4)) b.writeUInt32BE(70_000, p + 8);
    }
  }
  return b;
}

async function all(dir: string) {
  const issue = path.join(dir, 'issue.yaml');
  return {
    fonts: await runCli('--lang', 'zh', 'fonts', issue),
    check: await runCli('--lang', 'zh', 'check', issue),
    build: await runCli('--lang', 'zh', 'build', issue),
  };
}

describe('a damaged font dropped in fonts/ as simfang.ttf', () => {
  for (const [what, bytes] of [
    ['random bytes', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256))],
    ['Noto with its glyph index (loca) out of order', locaDamaged],
    ['Noto whose cmap points past the last glyph', cmapPastTheEnd],
  ] as const) {
    it(`${what}: fonts, check and build name it and use the next font; build exits 0`, async () => {
      const dir = tempFiles({ 'bulletin.series.yaml': SERIES, 'issue.yaml': ISSUE, 'fonts/simfang.ttf': bytes() });
      const r = await all(dir);
      for (const x of Object.values(r)) expect(x.err + x.out).not.toMatch(STACK);
      // fonts: the file named in the body role's notes, not "未找到仿宋_GB2312".
      expect(r.fonts.code).toBe(0);
      expect(r.fonts.out).toMatch(/正文：跳过了不能使用的字体文件：不是可用的字体文件，或文件已损坏：.*simfang\.ttf/);
      expect(r.fonts.out).not.toContain('未找到仿宋_GB2312');
      // check and build: a warning at the font file, and the stand-in does the work.
      for (const x of [r.check, r.build]) expect(x.out + x.err).toMatch(/simfang\.ttf:1:1 +warning +不是可用的字体文件，或文件已损坏：.*已跳过；已改用下一个字体 +\(font-damaged\)/);
      expect(r.check.code).toBe(0);
      expect(r.build.code).toBe(0);
      expect(r.build.out).toContain('✓');
    });
  }
});

describe('a damaged font named by path in the series file', () => {
  it('fonts, check and build say it cannot be used, at the fonts: setting; build writes nothing and exits 1', async () => {
    const dir = tempFiles({
      'bulletin.series.yaml': `${SERIES}fonts:\n  body: [my/fangsong.ttf]\n`,
      'issue.yaml': ISSUE,
      'my/fangsong.ttf': locaDamaged(),
    });
    const r = await all(dir);
    for (const x of Object.values(r)) expect(x.err + x.out).not.toMatch(STACK);
    expect(r.fonts.code).toBe(1);
    expect(r.fonts.out).toMatch(/fangsong\.ttf.*loca/);
    for (const x of [r.check, r.build]) {
      expect(x.code).toBe(1);
      expect(x.out + x.err).toMatch(/bulletin\.series\.yaml:4:9 +error +body 字体：配置的字体文件不能使用：不是可用的字体文件，或文件已损坏：.*fangsong\.ttf（loca/);
    }
    expect(r.build.out).toContain('未生成 PDF');
  });
});

describe('fontFileProblem', () => {
  it('passes the fonts bulletin ships with', () => {
    expect(fontFileProblem(NOTO_SERIF)).toBeUndefined();
  });

  it('names the file and the table that is wrong', () => {
    const dir = tempFiles({ 'bad.ttf': locaDamaged() });
    const p = fontFileProblem(path.join(dir, 'bad.ttf'));
    expect(p?.code).toBe('font-corrupt');
    expect(p?.msg.zh).toContain(path.join(dir, 'bad.ttf'));
    expect(p?.msg.en).toMatch(/loca offsets out of order/);
  });

  it('a file that is gone: font-unreadable, not a throw', () => {
    const dir = tempFiles({});
    writeFileSync(path.join(dir, 'x'), '');
    expect(fontFileProblem(path.join(dir, 'missing.ttf'))?.code).toBe('font-unreadable');
  });
});
