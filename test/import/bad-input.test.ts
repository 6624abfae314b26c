/**
 * Inputs that cannot be imported: each gets one clear message naming the file, the exit code the issue asks for
 * (1: read but not importable; 2: usage or I/O), no stack trace, and nothing written.
 */
import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/capture.js';
import { tempDir } from '../fixtures/tmp.js';
import { docx, encryptedDocx, p, zip } from './make-inputs.js';
import { SEED, importCli } from './model.js';

/** Deterministic bytes that are no text in any encoding. */
function junk(n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

async function refused(name: string, bytes: Buffer | string | undefined, code: 1 | 2, message: RegExp, size?: number) {
  const dir = tempDir();
  const file = path.join(dir, name);
  if (bytes !== undefined) writeFileSync(file, bytes);
  if (size !== undefined) truncateSync(file, size);
  const r = await importCli(file, '-o', path.join(dir, 'out.yaml'));
  expect(r.code).toBe(code);
  expect(r.err).toContain(file);
  expect(r.err).toMatch(message);
  expect(r.err).toContain('没有生成任何文件');
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.out).toBe('');
  expect(readdirSync(dir)).toEqual(bytes === undefined ? [] : [name]);
}

describe('bulletin import refuses what it cannot read', () => {
  it('an empty file', () => refused('空.txt', '', 1, /文件是空的/));
  it('an empty .docx', () => refused('空.docx', '', 1, /文件是空的/));
  it('a .docx that is not a zip', () => refused('假的.docx', '这不是 Word 文件，只是改了扩展名。', 1, /内容不是 Word 文档/));
  it('a zip that is not a .docx', () => refused('archive.docx', zip({ 'readme.txt': 'hello', 'data/a.xml': '<a/>' }), 1, /zip 压缩包，但不是 Word 文档/));
  it('a password-protected .docx (an encrypted OLE compound file)', () => refused('加密.docx', encryptedDocx(), 1, /设置了打开密码/));
  it('a 50 MB .docx, refused by its size before it is read', async () => refused('大.docx', await docx([p('正文。')]), 1, /文件太大（50\.0 MB）.*没有读取/, 50 * 1024 * 1024));
  it('binary junk named .txt', () => refused('junk.txt', junk(4096), 1, /不是文本文件/));
  it('a PDF', () => refused('第22期.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), junk(512)]), 1, /这是 PDF 文件.*复制文字/));
  it('a text with no Chinese in it', () => refused('en.txt', 'Just some English notes.\n', 1, /看不出这是简报/));
  it('a file that does not exist (exit 2)', () => refused('没有.txt', undefined, 2, /不存在/));

  it('says it in English with --lang en', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'e.txt');
    writeFileSync(file, '');
    const r = await runCli('--lang', 'en', 'import', file, '-o', path.join(dir, 'o.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the file is empty/);
    expect(r.err).toMatch(/no file was written/);
  });

  it('a whole issue given with other files is a usage error (exit 2)', async () => {
    const dir = tempDir();
    const other = path.join(dir, 'a.txt');
    writeFileSync(other, '区发改局召开推进会。会议部署工作。（区发改局）\n');
    const r = await importCli(SEED, other, '-o', path.join(dir, 'o.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/完整的一期简报，要单独导入/);
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('an output folder that does not exist (exit 2)', async () => {
    const dir = tempDir();
    const r = await importCli(SEED, '-o', path.join(dir, 'no', 'such', 'o.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/输出文件夹不存在/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
