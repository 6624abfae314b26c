import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import { fontCacheStats, openFont } from '../../src/fonts/cache.js';
import { FontError } from '../../src/fonts/errors.js';
import { getFace } from '../../src/fonts/face.js';
import { cleanTemp, makeTtc, tempDir, NOTO_SANS_MEDIUM, NOTO_SERIF } from './helpers.js';

afterAll(cleanTemp);

const tmp = tempDir('bulletin-fonts-');

/** The PostScript names of the faces in a collection file. */
function facesIn(file: string): string[] {
  const c = fontkit.openSync(file) as unknown as { fonts?: { postscriptName: string }[]; postscriptName: string };
  return (c.fonts ?? [c]).map((f) => f.postscriptName);
}

describe('font cache', () => {
  it('parses a file once and returns the same object', () => {
    const before = fontCacheStats();
    const a = openFont(NOTO_SERIF);
    const b = openFont(NOTO_SERIF);
    const c = openFont(NOTO_SERIF, 'NotoSerifSC-Regular');
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(getFace(NOTO_SERIF)).toBe(getFace(NOTO_SERIF));
    const after = fontCacheStats();
    expect(after.parses - before.parses).toBeLessThanOrEqual(1);
    expect(after.fileReads - before.fileReads).toBeLessThanOrEqual(1);
    expect(a.postscriptName).toBe('NotoSerifSC-Regular');
  });

  it('picks a face of a collection by PostScript name', () => {
    const ttc = join(tmp, 'pair.ttc');
    writeFileSync(ttc, makeTtc([NOTO_SERIF, NOTO_SANS_MEDIUM]));
    expect(facesIn(ttc)).toEqual(['NotoSerifSC-Regular', 'NotoSansSC-Medium']);
    const sans = openFont(ttc, 'NotoSansSC-Medium');
    expect(sans.postscriptName).toBe('NotoSansSC-Medium');
    expect(openFont(ttc).postscriptName).toBe('NotoSerifSC-Regular');
    expect(getFace(ttc, 'NotoSansSC-Medium').key).not.toBe(getFace(ttc, 'NotoSerifSC-Regular').key);
    expect(() => openFont(ttc, 'NoSuchFace')).toThrow(FontError);
    try {
      openFont(ttc, 'NoSuchFace');
    } catch (e) {
      expect((e as FontError).code).toBe('font-face-not-found');
      expect((e as FontError).msg.zh).toContain('NoSuchFace');
    }
  });

  it('gives a clear error for a file that is not a font', () => {
    const bad = join(tmp, 'notafont.ttf');
    writeFileSync(bad, 'this is not a font at all, just some text that pretends to be one');
    const err = catchError(() => openFont(bad));
    expect(err).toBeInstanceOf(FontError);
    expect(err.code).toBe('font-corrupt');
    expect(err.msg.en).toContain(bad);
    expect(err.msg.zh).toContain('字体');
  });

  it('gives a clear error for a truncated font', () => {
    const cut = join(tmp, 'truncated.ttf');
    const buf = Buffer.alloc(256 * 1024);
    const fd = openSync(NOTO_SERIF, 'r');
    readSync(fd, buf, 0, buf.length, 0);
    closeSync(fd);
    writeFileSync(cut, buf);
    const err = catchError(() => openFont(cut));
    expect(err.code).toBe('font-corrupt');
  });

  it('gives a clear error for a missing file', () => {
    const err = catchError(() => openFont(join(tmp, 'nope.ttf')));
    expect(err.code).toBe('font-unreadable');
    expect(err.msg.en).toContain('ENOENT');
  });
});

function catchError(fn: () => unknown): FontError {
  try {
    fn();
  } catch (e) {
    return e as FontError;
  }
  throw new Error('expected an error');
}
