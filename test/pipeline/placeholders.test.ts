/** A draft with 【待填写】 left in it: built with a warning per place, or refused with --strict; odd output paths. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildIssue } from '../../src/pipeline/build-issue.js';
import { MINIMAL, tempFiles } from '../fixtures/tmp.js';
import { run } from '../scaffold/run.js';

afterEach(() => vi.unstubAllEnvs());

const DRAFT = MINIMAL.replace('body: 正文一。', 'body: 【待填写】正文。').replace('title: 标题一', 'title: TODO 标题');

describe('build of a draft with placeholders', () => {
  it('builds, lists each placeholder as a warning with line:column, and counts them on the ✓ line', async () => {
    const dir = tempFiles({ 'd.yaml': DRAFT });
    const r = await run('build', path.join(dir, 'd.yaml'));
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'd.pdf'))).toBe(true);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/d\.yaml:9:16 {2}warning {2}这里还是模板占位文字“TODO”.* {2}\(placeholder\)$/);
    expect(lines[1]).toMatch(/d\.yaml:10:15 {2}warning {2}这里还是模板占位文字“【待填写】”.* {2}\(placeholder\)$/);
    expect(r.out).toMatch(/✓ .*d\.yaml → .*d\.pdf（1 页，\d+ 毫秒，2 个警告）/);
  });

  it('a finished issue builds without a word on stderr', async () => {
    const dir = tempFiles({ 'ok.yaml': MINIMAL });
    const r = await run('--lang', 'en', 'build', path.join(dir, 'ok.yaml'));
    expect(r.err).toBe('');
    expect(r.out).toMatch(/\(1 pages?, \d+ ms\)$/m);
  });

  it('rules: { placeholder: off } in the settings silences it', async () => {
    const dir = tempFiles({ 'd.yaml': `${DRAFT}rules: { placeholder: off }\n` });
    const r = await buildIssue(path.join(dir, 'd.yaml'), { env: {} });
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
  });

  it('--strict: the placeholders are errors, no PDF, exit 1; other rule errors stop it too', async () => {
    const dir = tempFiles({ 'd.yaml': DRAFT, 'p.yaml': MINIMAL.replace('body: 正文一。', 'body: 正文一,推动发展。') });
    const r = await run('--lang', 'en', 'build', '--strict', path.join(dir, 'd.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/d\.yaml:10:15 {2}error {2}template placeholder "【待填写】"/);
    expect(r.out).toContain('no PDF written');
    expect(existsSync(path.join(dir, 'd.pdf'))).toBe(false);
    const p = await run('--lang', 'en', 'build', '--strict', path.join(dir, 'p.yaml'));
    expect(p.code).toBe(1);
    expect(p.err).toContain('(punct-halfwidth)');
    expect(existsSync(path.join(dir, 'p.pdf'))).toBe(false);
    // Without --strict the same issue builds (check's rules are check's business).
    expect((await run('build', path.join(dir, 'p.yaml'))).code).toBe(0);
  });

  it('--strict judges dates by BULLETIN_TODAY, and an invalid one is an error (exit 2), not ignored', async () => {
    const dir = tempFiles({ 'f.yaml': MINIMAL });
    vi.stubEnv('BULLETIN_TODAY', '2026-05-01');
    const early = await run('--lang', 'en', 'build', '--strict', path.join(dir, 'f.yaml'));
    expect(early.code).toBe(1);
    expect(early.err).toContain('(date-future)');
    vi.stubEnv('BULLETIN_TODAY', '2026-13-01');
    const bad = await run('build', '--strict', path.join(dir, 'f.yaml'));
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('bulletin build：环境变量 BULLETIN_TODAY=2026-13-01 不是有效日期，应写成 YYYY-MM-DD（如 2026-05-21），或者不设置（用今天的日期）\n');
    vi.stubEnv('BULLETIN_TODAY', '2026-05-21');
    expect((await run('build', '--strict', path.join(dir, 'f.yaml'))).code).toBe(0);
  });
});

describe('where the PDF goes: odd -o paths', () => {
  it('-o x.txt still writes a PDF, and says so', async () => {
    const dir = tempFiles({ 'i.yaml': MINIMAL });
    const out = path.join(dir, 'x.txt');
    const r = await run('build', path.join(dir, 'i.yaml'), '-o', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain('不以 .pdf 结尾，写入的仍是 PDF');
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('-o into a folder that exists but takes no new files (/proc): "cannot write", not "does not exist"', async () => {
    const dir = tempFiles({ 'i.yaml': MINIMAL });
    const r = await run('--lang', 'en', 'build', path.join(dir, 'i.yaml'), '-o', '/proc/x.pdf');
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot write /proc/x.pdf: the folder /proc does not allow new files');
    expect(r.err).not.toContain('does not exist');
    const missing = await run('--lang', 'en', 'build', path.join(dir, 'i.yaml'), '-o', path.join(dir, 'nope', 'x.pdf'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('does not exist');
  });
});

