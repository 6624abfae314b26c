import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { standInFile } from '../../src/fonts/roles.js';
import { components, openSparse } from '../../src/fonts/sparse.js';

const file = standInFile('body');

describe('sparse font reading', () => {
  it('reads every table but the outlines, and an outline when asked', () => {
    const whole = readFileSync(file);
    const sp = openSparse(file)!;
    expect(sp).toBeDefined();
    expect(sp.bytes.length).toBe(whole.length);
    const font = fontkit.create(sp.bytes) as Font;
    const loca = (font as unknown as { loca: { offsets: number[] } }).loca.offsets;
    const glyf = font.directory.tables.glyf!;
    const gid = font.glyphForCodePoint('姑'.codePointAt(0)!).id;
    const [a, b] = [glyf.offset + loca[gid]!, glyf.offset + loca[gid + 1]!];
    expect(b).toBeGreaterThan(a);
    // Metrics and cmap are there from the start…
    expect(font.glyphForCodePoint(0x4e2d).advanceWidth).toBe(1000);
    for (const tag of ['cmap', 'hmtx', 'loca', 'head']) {
      const t = font.directory.tables[tag]!;
      expect(sp.bytes.subarray(t.offset, t.offset + t.length).equals(whole.subarray(t.offset, t.offset + t.length))).toBe(true);
    }
    // …the outline only once asked for.
    expect(sp.bytes.subarray(a, b).every((x) => x === 0)).toBe(true);
    sp.ensureGlyphs([gid], loca);
    expect(sp.bytes.subarray(a, b).equals(whole.subarray(a, b))).toBe(true);
    expect(font.getGlyph(gid).bbox.maxY).toBeGreaterThan(700);
  });

  it('finds the components of a composite glyph', () => {
    // numberOfContours -1, bbox, then two components: flags MORE_COMPONENTS|ARGS_ARE_WORDS (gid 7), flags 0 (gid 9).
    const b = Buffer.alloc(10 + 8 + 6);
    b.writeInt16BE(-1, 0);
    b.writeUInt16BE(0x0021, 10);
    b.writeUInt16BE(7, 12);
    b.writeUInt16BE(0x0000, 18);
    b.writeUInt16BE(9, 20);
    expect(components(b, 0, b.length)).toEqual([7, 9]);
    const simple = Buffer.alloc(12);
    simple.writeInt16BE(1, 0);
    expect(components(simple, 0, simple.length)).toEqual([]);
  });

  it('leaves collections and CFF fonts to the whole-file reader', () => {
    const tmp = `${process.env.TMPDIR ?? '/tmp'}/not-truetype-${process.pid}.otf`;
    const otto = Buffer.alloc(64);
    otto.write('OTTO', 0, 'latin1');
    writeFileSync(tmp, otto);
    expect(openSparse(tmp)).toBeUndefined();
    unlinkSync(tmp);
  });
});
