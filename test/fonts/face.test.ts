import { describe, expect, it } from 'vitest';
import { faceFor, uncovered } from '../../src/fonts/coverage.js';
import { getFace } from '../../src/fonts/face.js';
import type { FontChain, FontFace } from '../../src/typeset/types.js';
import { NOTO_SANS_MEDIUM, NOTO_SERIF } from './helpers.js';

const serif = getFace(NOTO_SERIF);
const sans = getFace(NOTO_SANS_MEDIUM);
const cp = (s: string) => s.codePointAt(0)!;

describe('KitFace', () => {
  it('gives cmap glyph ids and hmtx advances like fontkit', () => {
    for (const ch of '姑苏信息，。“”ABC1—') {
      const g = serif.font.glyphForCodePoint(cp(ch));
      expect(serif.glyphId(cp(ch))).toBe(g.id);
      expect(serif.advance(cp(ch))).toBeCloseTo(g.advanceWidth / serif.font.unitsPerEm, 9);
    }
    expect(serif.advance(cp('中'))).toBe(1);
    expect(serif.hasChar(cp('가'))).toBe(false);
    expect(serif.glyphId(cp('가'))).toBe(0);
    expect(serif.hasChar(0x2a6d6)).toBe(false);
  });

  it('has em-box ascent and descent', () => {
    expect(serif.ascent).toBeCloseTo(0.88, 2);
    expect(serif.descent).toBeCloseTo(-0.12, 2);
  });

  it('shapes Latin runs with kerning and keeps the text of ligatures', () => {
    const run = serif.shape('AVAT office 2026');
    expect(run.texts.join('')).toBe('AVAT office 2026');
    expect(run.gids.length).toBe(run.advances.length);
    // fi/ffi ligature: one glyph, several characters.
    expect(run.texts.some((t) => t.length > 1)).toBe(true);
  });

  it('gives glyph bounds in em', () => {
    const b = serif.glyphBounds(cp('—'));
    expect(b.yMax).toBeGreaterThan(b.yMin);
    expect(b.yMax).toBeLessThan(0.6);
    expect(b.yMin).toBeGreaterThan(0.1);
  });

  it('keys are unique per face', () => {
    expect(serif.key).not.toBe(sans.key);
    expect(serif.name).toBe('NotoSerifSC-Regular');
  });
});

describe('fallback chain', () => {
  it('sets a character in the next face when the first lacks it', () => {
    // U+4DB6 is in Noto Serif SC but not in Noto Sans SC.
    const chain: FontChain = { role: 'heading', faces: [sans, serif] };
    expect(faceFor(chain, 0x4db6)).toBe(serif);
    expect(faceFor(chain, cp('黑'))).toBe(sans);
    expect(uncovered(chain, '黑\u4db6体')).toEqual([]);
  });

  it('works with a face restricted by hand', () => {
    const onlyHan: FontFace = Object.assign(Object.create(serif) as FontFace, {
      hasChar: (c: number) => c >= 0x4e00 && c <= 0x9fff,
    });
    const chain: FontChain = { role: 'body', faces: [onlyHan, sans] };
    expect(faceFor(chain, cp('中'))).toBe(onlyHan);
    expect(faceFor(chain, cp('，'))).toBe(sans);
  });

  it('reports characters no face has, with their indices', () => {
    const chain: FontChain = { role: 'body', faces: [serif, sans] };
    expect(uncovered(chain, '金가\n𪛖。')).toEqual([
      { char: '가', codePoint: 0xac00, index: 1 },
      { char: '𪛖', codePoint: 0x2a6d6, index: 3 },
    ]);
  });
});
