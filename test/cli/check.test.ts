import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli as run } from '../fixtures/capture.js';
import { detectLang } from '../../src/i18n/lang.js';
import { examples, MINIMAL, tempDir, tempFiles } from '../fixtures/tmp.js';


afterEach(() => vi.restoreAllMocks());

const reference = readFileSync(path.join(examples, 'gusu-022.yaml'), 'utf8');

describe('bulletin check', () => {
  it('the reference example is clean: exit 0', async () => {
    const r = await run('--lang', 'zh', 'check', path.join(examples, 'gusu-022.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('没有发现问题');
    expect(r.err).toBe('');
  });

  it('all examples, given as folders, are clean', async () => {
    const r = await run('check', examples, path.join(examples, 'demo'), '--lang', 'en');
    expect(r.out).toContain('3 file(s) checked, no problems');
    expect(r.code).toBe(0);
  });

  it('a misspelt top-level key in a copy of the reference exits 1 and names its line and column', async () => {
    const dir = tempFiles({ 'gusu-022.yaml': reference.replace('\nyearNumber:', '\nyearNumbr:') });
    writeFileSync(path.join(dir, 'bulletin.series.yaml'), readFileSync(path.join(examples, '../test/fixtures/gusu.series.yaml')));
    const file = path.join(dir, 'gusu-022.yaml');
    const r = await run('--lang', 'zh', 'check', file);
    expect(r.code).toBe(1);
    const line = reference.split('\n').findIndex((l) => l.startsWith('yearNumber:')) + 1;
    expect(r.out).toContain(`${file}:${line}:1  error  未知的键「yearNumbr」，你是不是想写「yearNumber」？`);
    expect(r.out).toContain('(schema-unknown-key)');
  });

  it('--format json prints file, line, column, severity, rule, message', async () => {
    const dir = tempFiles({ 'i.yaml': MINIMAL.replace('number: 1', 'number: one') });
    const r = await run('check', '--format', 'json', '--lang', 'en', path.join(dir, 'i.yaml'));
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out) as Record<string, unknown>[];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4, column: 9, severity: 'error', rule: 'schema-type' });
    expect(Object.keys(findings[0]!).sort()).toEqual(['column', 'file', 'line', 'message', 'rule', 'severity']);
    expect(findings[0]!.message).toContain('must be an integer');
  });

  it('each mistake: message, position, exit code', async () => {
    const cases: [string, string | Uint8Array, RegExp, number][] = [
      ['missing.yaml', MINIMAL.replace('        source: 区发改局\n', '').replace('        body: 正文一。\n', ''), /missing\.yaml:9:9 {2}error {2}「sections\[0\]\.items\[0\]」（条目）中缺少必填项「body」/, 1],
      ['type.yaml', MINIMAL.replace('number: 1', 'number: "1"'), /type\.yaml:4:9 {2}error {2}「number」（期号）应为整数/, 1],
      ['date.yaml', MINIMAL.replace('2026-05-21', '2026-02-30'), /date\.yaml:5:7 {2}error {2}日期 2026-02-30 不存在/, 1],
      ['tab.yaml', MINIMAL.replace('    items:', '\titems:'), /tab\.yaml:8:1 {2}error {2}这一行用 Tab 键缩进/, 1],
      ['indent.yaml', MINIMAL.replace('        body:', '          body:'), /indent\.yaml:9:16 {2}error {2}缩进不对/, 1],
      ['empty.yaml', '', /empty\.yaml:1:1 {2}error {2}文件是空的/, 1],
      ['junk.yaml', new Uint8Array(2048).map((_, i) => (i * 31 + 7) % 256), /junk\.yaml:\d+:\d+ {2}error {2}这不是文本文件/, 1],
    ];
    for (const [name, content, pattern, code] of cases) {
      const dir = tempFiles({ [name]: content });
      const r = await run('--lang', 'zh', 'check', path.join(dir, name));
      expect(r.out, name).toMatch(pattern);
      expect(r.code, name).toBe(code);
      expect(r.err, name).toBe('');
    }
  });

  it('a 10 MB file is refused with a message (exit 1), no stack trace', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.yaml');
    writeFileSync(file, Buffer.alloc(10 * 1024 * 1024, 'a'));
    const r = await run('--lang', 'zh', 'check', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/big\.yaml:1:1 {2}error {2}文件太大（10\.0 MB）/);
    expect(r.out + r.err).not.toMatch(/\n\s+at /);
  });

  it('a series file on its own gets the editorial rules its settings need (exit 1); a bad BULLETIN_TODAY exits 2', async () => {
    const series = readFileSync(path.join(examples, '../test/fixtures/gusu.series.yaml'), 'utf8').replace('，党工委委员', ',党工委委员');
    const dir = tempFiles({ 'bulletin.series.yaml': series });
    const r = await run('--lang', 'zh', 'check', path.join(dir, 'bulletin.series.yaml'));
    expect(r.out).toMatch(/bulletin\.series\.yaml:\d+:\d+ {2}error {2}中文中使用了半角标点“,”/);
    expect(r.code).toBe(1);
    vi.stubEnv('BULLETIN_TODAY', 'tomorrow');
    try {
      const bad = await run('--lang', 'zh', 'check', path.join(dir, 'bulletin.series.yaml'));
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('bulletin check：环境变量 BULLETIN_TODAY=tomorrow 不是有效日期');
      expect(bad.out).toBe('');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('a missing file exits 2', async () => {
    const r = await run('--lang', 'en', 'check', path.join(tempDir(), 'none.yaml'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('file not found  (io)');
  });

  it('messages are English with --lang en', async () => {
    const dir = tempFiles({ 'i.yaml': MINIMAL.replace('title:', 'titel:') });
    const r = await run('check', path.join(dir, 'i.yaml'), '--lang', 'en');
    expect(r.out).toContain('unknown key "titel"; did you mean "title"?');
    expect(r.out).toContain('1 error(s), 0 warning(s) in 1 file(s)');
  });
});

describe('bulletin (usage)', () => {
  it('help is Chinese by default and exits 0', async () => {
    const r = await run('--lang', 'zh', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法：');
    expect(r.out).toContain('check');
  });

  it('an unknown command or a missing argument exits 2 with a one-line message', async () => {
    const unknown = await run('--lang', 'zh', 'chek', 'x.yaml');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("没有 'chek' 这个命令");
    const missing = await run('--lang', 'en', 'check');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("missing required argument 'files'");
  });

  it('an unknown output format exits 2', async () => {
    const r = await run('--lang', 'en', 'check', '--format', 'xml', path.join(examples, 'gusu-022.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown format xml');
  });

  it('a bad --lang exits 2', async () => {
    expect((await run('--lang', 'fr', 'check', 'x')).code).toBe(2);
  });

  it('the locale follows LANG/LC_ALL: English only when asked for', () => {
    expect(detectLang(undefined, { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(detectLang(undefined, { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(detectLang(undefined, { LANG: 'C.UTF-8' })).toBe('zh');
    expect(detectLang(undefined, {})).toBe('zh');
    expect(detectLang('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
  });
});
