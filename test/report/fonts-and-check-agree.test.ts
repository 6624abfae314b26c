/**
 * `bulletin check` and `bulletin fonts` walk the same composed document: they report the same characters in the same
 * roles, including text only the masthead sets (the series line in 楷体, the security mark in 黑体, the name).
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../fixtures/capture.js';
import { tempFiles } from '../fixtures/tmp.js';

afterEach(() => vi.restoreAllMocks());

// Characters of CJK Extension B: in no font the tests have, official or stand-in.
const IN_SERIES_LINE = '𠀀';
const IN_SECURITY_MARK = '𠀁';
const IN_NAME = '𠀂';

const ISSUE = `series: false
name: 平江${IN_NAME}信息
seriesLine: 工作${IN_SERIES_LINE}动态
securityMark: 内部${IN_SECURITY_MARK}资料
offices: [平江新区管委会办公室]
number: 6
date: 2026-03-26
sections:
  - label: 动态
    items:
      - title: 区住建局推进城市更新
        body: 试点坚持群众参与。
        source: 区住建局
`;

/** "role char" pairs of check's font-coverage findings (English messages). */
function fromCheck(out: string): string[] {
  return [...out.matchAll(/character "(.+?)" \(U\+[0-9A-F]+\) is not in any ([a-z ]+?) font/g)].flatMap((m) => m[2]!.split(' or ').map((role) => `${role} ${m[1]}`));
}

/** "role char" pairs of `bulletin fonts`' list of characters no font has (English). */
function fromFonts(out: string): string[] {
  return [...out.matchAll(/^([a-z]+): no font has (.+)$/gm)].flatMap((m) => [...m[2]!.matchAll(/“(.+?)”/g)].map((c) => `${m[1]} ${c[1]}`));
}

describe('check and fonts agree on missing glyphs', () => {
  it('for characters only the series line, the security mark and the name use', async () => {
    const dir = tempFiles({ 'pj-006.yaml': ISSUE });
    const file = path.join(dir, 'pj-006.yaml');
    const check = await runCli('--lang', 'en', 'check', file);
    const fonts = await runCli('--lang', 'en', 'fonts', file);
    expect(check.code).toBe(1);
    expect(fonts.code).toBe(1);
    const want = [`kai ${IN_SERIES_LINE}`, `heading ${IN_SECURITY_MARK}`, `masthead ${IN_NAME}`].sort();
    expect(fromCheck(check.out + check.err).sort()).toEqual(want);
    expect(fromFonts(fonts.out).sort()).toEqual(want);
  });
});
