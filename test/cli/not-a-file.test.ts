/** Inputs that are not regular files (a FIFO or a device named like an issue) are refused at once, never read. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/issue/read.js';
import { MINIMAL, tempFiles } from '../fixtures/tmp.js';
import { run } from '../scaffold/run.js';

describe('a FIFO named *.yaml', () => {
  it('readText refuses it without blocking; check and build report it (io, exit 2) and finish', async () => {
    const dir = tempFiles({ 'a.yaml': MINIMAL });
    const fifo = path.join(dir, 'b.yaml');
    execFileSync('mkfifo', [fifo]);
    const r = await readText(fifo);
    expect(r.text).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.rule, d.message.zh])).toEqual([['io', '这不是普通文件（而是管道、设备或套接字），不能作为简报文件读取']]);
    const check = await run('--lang', 'en', 'check', fifo);
    expect(check.code).toBe(2);
    expect(check.out).toContain('b.yaml:1:1  error  this is not a regular file (a pipe, device or socket)');
    // In a folder: the real issue is still checked.
    const folder = await run('--lang', 'en', 'check', dir);
    expect(folder.code).toBe(2);
    expect(folder.out).toContain('2 file(s)');
    const build = await run('build', fifo);
    expect(build.code).toBe(2);
    expect(build.err).toContain('这不是普通文件');
  }, 10_000);

  it('a character device (/dev/zero, which never ends) is refused the same way', async () => {
    const r = await readText('/dev/zero');
    expect(r.diagnostics[0]!.rule).toBe('io');
    expect(r.diagnostics[0]!.message.en).toContain('not a regular file');
  });

  it('a missing file and a folder still get their own words', async () => {
    const dir = tempFiles({ 'a.yaml': MINIMAL });
    expect((await readText(path.join(dir, 'nope.yaml'))).diagnostics[0]!.message.zh).toBe('找不到这个文件');
    expect((await readText(dir)).diagnostics[0]!.message.zh).toBe('这是一个文件夹，不是 YAML 文件');
    expect((await readText(path.join(dir, 'a.yaml', 'x.yaml'))).diagnostics[0]!.message.zh).toContain('找不到这个文件');
    expect((await readText(path.join(dir, 'a.yaml'))).text).toBe(MINIMAL);
  });
});
