/**
 * A font made of plain numbers, for layout tests: every CJK character and full-width mark is 1 em, Latin letters
 * and digits 0.5 em, a space 0.25 em. Glyph id = code point. `lacks` lists characters the face does not have.
 */
import type { FontFace, Fonts, ShapedRun } from '../../src/typeset/types.js';

export function fakeFace(key = 'fake', lacks = ''): FontFace {
  const missing = new Set([...lacks].map((c) => c.codePointAt(0)!));
  const adv = (cp: number): number => (cp < 0x2000 && cp !== 0xb7 ? (cp === 0x20 ? 0.25 : 0.5) : 1);
  return {
    key,
    name: key,
    file: `/fake/${key}.ttf`,
    ascent: 0.88,
    descent: -0.12,
    hasChar: (cp) => !missing.has(cp) && cp !== 0x1f600,
    glyphId: (cp) => (missing.has(cp) ? 0 : cp),
    advance: adv,
    shape(text: string): ShapedRun {
      const cps = [...text];
      return { gids: cps.map((c) => c.codePointAt(0)!), advances: cps.map((c) => adv(c.codePointAt(0)!)), texts: cps };
    },
    // A dash's ink stops short of its em box, as in the stand-in font (— — rather than ——).
    glyphBounds: () => ({ xMin: 0.07, xMax: 0.93, yMin: 0.3, yMax: 0.35 }),
  };
}

export function fakeFonts(...faces: FontFace[]): Fonts {
  const chain = faces.length ? faces : [fakeFace()];
  return {
    masthead: { role: 'masthead', faces: chain },
    body: { role: 'body', faces: chain },
    heading: { role: 'heading', faces: chain },
    kai: { role: 'kai', faces: chain },
    number: { role: 'number', faces: chain },
  };
}
