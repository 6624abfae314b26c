/**
 * Hostile inputs: each gets a clear error (a diagnostic with line:column, in both languages) and leaves no partial
 * output — no PDF, and no temp file beside where it would have gone.
 */
import { closeSync, existsSync, mkdirSync, statSync, openSync, readdirSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/pipeline/build-issue.js';
import { io } from '../../src/io/write-atomic.js';
import { MINIMAL, tempDir } from '../fixtures/tmp.js';
import { wellFormed } from './wellformed.js';

const realWrite = io.writeSync;
afterEach(() => {
  io.writeSync = realWrite;
});

/** Builds `file` to `out` and checks the failure: one rule among `rules`, well-formed diagnostics, nothing written. */
async function fails(file: string, out: string, rules: string[], text?: RegExp) {
  const r = await buildIssue(file, { output: out });
  expect(r.ok).toBe(false);
  for (const d of r.diagnostics) expect(wellFormed(d), JSON.stringify(d)).toBe(true);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => d.rule).filter((x) => rules.includes(x)).length, JSON.stringify(errors)).toBeGreaterThan(0);
  if (text) expect(errors.map((d) => `${d.message.zh}\n${d.message.en}`).join('\n')).toMatch(text);
  const dir = path.dirname(out);
  const left = (() => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  })();
  // The output itself may be a folder the test made; nothing may be written beside it or in it.
  expect(left.filter((n) => (n.endsWith('.pdf') && n !== path.basename(out)) || n.endsWith('.tmp'))).toEqual([]);
  if (!left.includes(path.basename(out)) || !statSync(out).isDirectory()) expect(existsSync(out)).toBe(false);
  return errors;
}

describe('hostile inputs', () => {
  it('a YAML alias bomb (billion laughs): refused quickly, no output', async () => {
    const dir = tempDir();
    let lol = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = 'a';
    for (const n of 'bcdefghi') {
      lol += `${n}: &${n} [${Array(9).fill('*' + prev).join(',')}]\n`;
      prev = n;
    }
    const file = path.join(dir, 'bomb.yaml');
    writeFileSync(file, MINIMAL + lol + 'extra: *i\n');
    const t = performance.now();
    await fails(file, path.join(dir, 'bomb.pdf'), ['yaml-alias'], /alias/);
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it('a 100 MB file (sparse): refused by size before it is read', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.yaml');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024);
    closeSync(fd);
    await fails(file, path.join(dir, 'big.pdf'), ['file-too-large'], /100\.0 MB/);
  });

  it('10,000 levels of [[[[…: a syntax error that says the nesting is too deep, no stack trace', async () => {
    const dir = tempDir();
    for (const [name, deep] of [
      ['open.yaml', '['.repeat(10_000)],
      ['closed.yaml', '['.repeat(10_000) + ']'.repeat(10_000)],
      ['maps.yaml', '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000)],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, MINIMAL.replace('sections:', `extra: ${deep}\nsections:`));
      const errors = await fails(file, path.join(dir, name.replace('.yaml', '.pdf')), ['yaml-syntax']);
      expect(errors[0]!.line).toBe(MINIMAL.split('\n').findIndex((l) => l.startsWith('sections:')) + 1);
      expect(errors.map((e) => e.message.en).join()).toMatch(/nested too deeply/);
    }
  });

  it('a font file that is corrupt, or not a font at all: a font error naming the file, no output', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notafont.ttf'), 'this is not a font\n'.repeat(100));
    const real = readFileSync(path.resolve('node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'));
    writeFileSync(path.join(dir, 'corrupt.ttf'), Buffer.concat([real.subarray(0, 4096), Buffer.alloc(4096, 0xa5)]));
    writeFileSync(path.join(dir, 'empty.ttf'), '');
    for (const font of ['notafont.ttf', 'corrupt.ttf', 'empty.ttf']) {
      const sub = path.join(dir, font.replace('.ttf', ''));
      mkdirSync(sub);
      writeFileSync(path.join(sub, 'bulletin.series.yaml'), `name: 测试信息\noffices: [测试办公室]\nfonts:\n  body: ../${font}\n`);
      const file = path.join(sub, 'issue.yaml');
      writeFileSync(file, MINIMAL.replace('name: 测试信息\noffices:\n  - 测试办公室\n', ''));
      const errors = await fails(file, path.join(sub, 'issue.pdf'), ['font-unreadable', 'font-corrupt', 'font-unusable']);
      expect(errors.some((e) => e.file.endsWith(font) || e.message.en.includes(font)), JSON.stringify(errors)).toBe(true);
    }
  });

  it('a font folder in fontPaths holding a broken font: the build still names the problem or skips it, never throws', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'fonts'));
    writeFileSync(path.join(dir, 'fonts', 'broken.otf'), Buffer.from('OTTO' + '\0'.repeat(200)));
    writeFileSync(path.join(dir, 'bulletin.series.yaml'), 'name: 测试信息\noffices: [测试办公室]\nfontPaths: [fonts]\n');
    const file = path.join(dir, 'issue.yaml');
    writeFileSync(file, MINIMAL.replace('name: 测试信息\noffices:\n  - 测试办公室\n', ''));
    const r = await buildIssue(file, { output: path.join(dir, 'issue.pdf') });
    for (const d of r.diagnostics) expect(wellFormed(d), JSON.stringify(d)).toBe(true);
    if (!r.ok) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('an output path that is a folder: a clear error, nothing written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'issue.yaml');
    writeFileSync(file, MINIMAL);
    mkdirSync(path.join(dir, 'out.pdf'));
    await fails(file, path.join(dir, 'out.pdf'), ['io'], /folder/);
    expect(readdirSync(path.join(dir, 'out.pdf'))).toEqual([]);
  });

  it('an output path that cannot be written, for root too (under a regular file): a clear error, nothing written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'issue.yaml');
    writeFileSync(file, MINIMAL);
    writeFileSync(path.join(dir, 'file.txt'), 'x');
    await fails(file, path.join(dir, 'file.txt', 'out.pdf'), ['io'], /is a file, not a folder/);
    expect(readFileSync(path.join(dir, 'file.txt'), 'utf8')).toBe('x');
  });

  it('a full disk (ENOSPC from write, injected through the io seam): a clear error, the earlier PDF kept, no temp file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'issue.yaml');
    writeFileSync(file, MINIMAL);
    const out = path.join(dir, 'issue.pdf');
    writeFileSync(out, '%PDF-1.7 the earlier good PDF');
    let calls = 0;
    io.writeSync = ((...args: Parameters<typeof realWrite>) => {
      // Half the bytes go out, then the disk is full: a partial temp file exists when the error comes.
      const bytes = args[1] as unknown as Uint8Array;
      if (calls++ === 0) return realWrite(args[0], bytes, 0, Math.floor(bytes.length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as typeof realWrite;
    const r = await buildIssue(file, { output: out });
    expect(r.ok).toBe(false);
    expect(calls).toBe(2);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.rule)).toEqual(['io']);
    expect(wellFormed(errors[0]!)).toBe(true);
    expect(errors[0]!.message.zh).toContain('磁盘空间不足');
    expect(errors[0]!.message.en).toContain('no space left');
    expect(readFileSync(out, 'utf8')).toBe('%PDF-1.7 the earlier good PDF');
    expect(readdirSync(dir).sort()).toEqual(['issue.pdf', 'issue.yaml']);
  });
});
