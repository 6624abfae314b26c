/**
 * Which characters of a text no face of a role's chain has: for the check command (font-missing-glyph) and for
 * the build's failure message. Cheap: cmap lookups through each face's per-code-point cache, no shaping.
 */
import type { FontChain, FontFace } from '../typeset/types.js';

export interface UncoveredChar {
  char: string;
  codePoint: number;
  /** UTF-16 index in the text (what a source position adds to). */
  index: number;
}

/** Characters that need no glyph: controls, line/paragraph separators, joiners and variation selectors. */
export function needsNoGlyph(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp < 0xa0) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** The first face of the chain that has `cp`, or undefined. */
export function faceFor(chain: FontChain | readonly FontFace[], cp: number): FontFace | undefined {
  const faces = 'faces' in chain ? chain.faces : chain;
  for (const f of faces) if (f.hasChar(cp)) return f;
  return undefined;
}

/** Every character of `text` that no face of `chain` has, with its index, in order. */
export function uncovered(chain: FontChain | readonly FontFace[], text: string): UncoveredChar[] {
  const faces = 'faces' in chain ? chain.faces : chain;
  const out: UncoveredChar[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (!needsNoGlyph(cp)) {
      let found = false;
      for (const f of faces) {
        if (f.hasChar(cp)) {
          found = true;
          break;
        }
      }
      if (!found) out.push({ char: String.fromCodePoint(cp), codePoint: cp, index: i });
    }
    i += len;
  }
  return out;
}
