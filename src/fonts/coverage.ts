/**
 * Which characters of a text no face of a role's chain has: for the check command (font-missing-glyph) and for
 * the build's failure message. Cheap: cmap lookups through each face's per-code-point cache, no shaping.
 */
import type { FontChain, FontFace } from '../typeset/types.js';
import { isZeroWidth } from '../typeset/text/classes.js';

export interface UncoveredChar {
  char: string;
  codePoint: number;
  /** UTF-16 index in the text (what a source position adds to). */
  index: number;
}

/** Characters that need no glyph (the layout leaves them out): one definition, the layout's. */
export function needsNoGlyph(cp: number): boolean {
  return isZeroWidth(cp) || cp === 0x2028 || cp === 0x2029;
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
