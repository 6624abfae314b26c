/**
 * Issue 11, item 1: `build -o` never writes over its input, however the path reaches it (a symlink to the input,
 * a symlinked folder), and never over a file that is not a PDF. Each refusal says why and exits 2.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../fixtures/capture.js';
import { MINIMAL, tempFiles } from '../fixtures/tmp.js';
import { STACK } from './helpers.js';

const run = (...args: string[]) => runCli('--lang', 'zh', ...args);
afterEach(() => vi.restoreAllMocks());

const OTHER = 'number: 2\ndate: 2026-05-28\n';

describe('build -o: what it will not write over', () => {
  it('a symlink to the input (out.pdf → io.yaml): refused, exit 2, the input untouched', async () => {
    const dir = tempFiles({ 'io.yaml': MINIMAL });
    symlinkSync('io.yaml', path.join(dir, 'out.pdf'));
    const r = await run('build', path.join(dir, 'io.yaml'), '-o', path.join(dir, 'out.pdf'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('输出文件不能是输入文件本身');
    expect(r.out).not.toContain('✓');
    expect(r.err + r.out).not.toMatch(STACK);
    expect(readFileSync(path.join(dir, 'io.yaml'), 'utf8')).toBe(MINIMAL);
  });

  it('the input reached through a symlinked folder (-o sub/d/io.yaml, sub/d → the issue folder): refused, exit 2', async () => {
    const dir = tempFiles({ 'issue/io.yaml': MINIMAL });
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync(path.join(dir, 'issue'), path.join(dir, 'sub', 'd'));
    const r = await run('build', path.join(dir, 'issue', 'io.yaml'), '-o', path.join(dir, 'sub', 'd', 'io.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('输出文件不能是输入文件本身');
    expect(readFileSync(path.join(dir, 'issue', 'io.yaml'), 'utf8')).toBe(MINIMAL);
  });

  it('an existing file that is not a PDF (another issue): refused, exit 2, the file untouched', async () => {
    const dir = tempFiles({ 'io.yaml': MINIMAL, 'other-issue.yaml': OTHER });
    const r = await run('build', path.join(dir, 'io.yaml'), '-o', path.join(dir, 'other-issue.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是 PDF');
    expect(r.err).toContain('other-issue.yaml');
    expect(readFileSync(path.join(dir, 'other-issue.yaml'), 'utf8')).toBe(OTHER);
    // The English message says the same.
    const en = await runCli('--lang', 'en', 'build', path.join(dir, 'io.yaml'), '-o', path.join(dir, 'other-issue.yaml'));
    expect(en.code).toBe(2);
    expect(en.err).toContain('not a PDF');
  });

  it('--docx: an existing io.docx that is not a Word file is named as such, not as "not a PDF"; no PDF is written', async () => {
    const dir = tempFiles({ 'io.yaml': MINIMAL, 'io.docx': 'notes, not a zip\n' });
    const r = await run('build', path.join(dir, 'io.yaml'), '--docx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是 Word 文档（.docx）');
    expect(r.err).not.toContain('不是 PDF');
    expect(readFileSync(path.join(dir, 'io.docx'), 'utf8')).toBe('notes, not a zip\n');
    expect(existsSync(path.join(dir, 'io.pdf'))).toBe(false);
    const en = await runCli('--lang', 'en', 'build', path.join(dir, 'io.yaml'), '--docx');
    expect(en.err).toContain('not a Word document (.docx)');
  });

  it('an existing PDF is replaced, and a new file is written (the usual cases still work)', async () => {
    const dir = tempFiles({ 'io.yaml': MINIMAL });
    const out = path.join(dir, 'out.pdf');
    expect((await run('build', path.join(dir, 'io.yaml'), '-o', out)).code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const again = await run('build', path.join(dir, 'io.yaml'), '-o', out);
    expect(again.code).toBe(0);
    // A link to a PDF elsewhere: the PDF it points at is replaced, the link stays.
    mkdirSync(path.join(dir, 'pdfs'));
    writeFileSync(path.join(dir, 'pdfs', 'real.pdf'), readFileSync(out));
    symlinkSync(path.join(dir, 'pdfs', 'real.pdf'), path.join(dir, 'link.pdf'));
    expect((await run('build', path.join(dir, 'io.yaml'), '-o', path.join(dir, 'link.pdf'))).code).toBe(0);
    expect(existsSync(path.join(dir, 'pdfs', 'real.pdf'))).toBe(true);
  });
});
