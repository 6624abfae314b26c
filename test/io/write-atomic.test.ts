import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toWriteError, WriteError, writeFileAtomic } from '../../src/io/write-atomic.js';

import { cleanTemp, tempDir } from '../render/helpers.js';

afterAll(cleanTemp);

function folder(): string {
  return tempDir('bulletin-write-');
}

function caught(fn: () => void): WriteError {
  try {
    fn();
  } catch (e) {
    return e as WriteError;
  }
  throw new Error('expected an error');
}

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one, leaving no temp file', () => {
    const dir = folder();
    const out = join(dir, 'out.pdf');
    writeFileAtomic(out, Buffer.from('one'));
    expect(readFileSync(out, 'utf8')).toBe('one');
    writeFileAtomic(out, Buffer.from('two'));
    expect(readFileSync(out, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['out.pdf']);
  });

  it('refuses a directory as target', () => {
    const dir = folder();
    mkdirSync(join(dir, 'out.pdf'));
    const e = caught(() => writeFileAtomic(join(dir, 'out.pdf'), Buffer.from('x')));
    expect(e).toBeInstanceOf(WriteError);
    expect(e.code).toBe('EISDIR');
    expect(e.msg.zh).toContain('文件夹');
  });

  it('reports a missing folder', () => {
    const e = caught(() => writeFileAtomic(join(folder(), 'no', 'such', 'out.pdf'), Buffer.from('x')));
    expect(e.code).toBe('ENOENT');
    expect(e.msg.en).toContain('does not exist');
  });

  it('reports permission errors in both languages (mapped from the system error, so it holds for root too)', () => {
    const sys = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const e = toWriteError(sys, '/srv/out.pdf');
    expect(e.code).toBe('EACCES');
    expect(e.msg.zh).toContain('权限');
    expect(e.msg.en).toContain('permission denied');
  });

  it('a failed write keeps the old file and leaves no temp file', () => {
    const dir = folder();
    const out = join(dir, 'out.pdf');
    writeFileSync(out, 'good');
    // A target under a regular file cannot be created, for root as for anyone.
    const e = caught(() => writeFileAtomic(join(out, 'x.pdf'), Buffer.from('bad')));
    expect(e).toBeInstanceOf(WriteError);
    expect(readFileSync(out, 'utf8')).toBe('good');
    expect(readdirSync(dir)).toEqual(['out.pdf']);
  });

  it('refuses to replace a device or other special file', () => {
    if (!existsSync('/dev/null')) return;
    const e = caught(() => writeFileAtomic('/dev/null', Buffer.from('x')));
    expect(e.code).toBe('NOTFILE');
    expect(existsSync('/dev/null')).toBe(true);
  });

  it('writes through a symlink to the real file', () => {
    const dir = folder();
    writeFileSync(join(dir, 'real.pdf'), 'old');
    symlinkSync(join(dir, 'real.pdf'), join(dir, 'link.pdf'));
    writeFileAtomic(join(dir, 'link.pdf'), Buffer.from('new'));
    expect(lstatSync(join(dir, 'link.pdf')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.pdf'), 'utf8')).toBe('new');
  });

  it('maps system errors to messages in both languages', () => {
    const err = (code: string) => toWriteError(Object.assign(new Error(code), { code }), '/x/out.pdf');
    expect(err('ENOSPC').code).toBe('ENOSPC');
    expect(err('ENOSPC').msg.zh).toContain('磁盘空间不足');
    expect(err('EPERM').code).toBe('EACCES');
    expect(err('ENOTDIR').code).toBe('ENOENT');
    expect(err('EROFS').msg.en).toContain('read-only');
    expect(err('EIO').code).toBe('OTHER');
  });
});

describe('writeFileAtomic keeps what the file was', () => {
  it('a replaced file keeps its permissions', () => {
    const dir = folder();
    const out = join(dir, 'issue.yaml');
    writeFileSync(out, 'old');
    chmodSync(out, 0o640);
    writeFileAtomic(out, Buffer.from('new'));
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readFileSync(out, 'utf8')).toBe('new');
  });
});
