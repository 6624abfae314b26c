/**
 * The atoms of a paragraph: the units between which a line may break. Glyphs live in one flat store (parallel
 * arrays) so the hot path allocates no object per glyph; an atom is a range of it. atoms.ts builds them.
 */
import type { Colour, FontRole, SourceRef } from '../../issue/model.js';
import type { MissingChar } from '../types.js';
import type { Cls } from './classes.js';

export interface Span {
  text: string;
  role: FontRole;
  size: number;
  colour?: Colour;
  /** Where the text came from, so that a character no font has can be reported at its place. */
  ref?: SourceRef;
  /** Characters the layout put before the source text (the "（" of "（区发改局）"): offsets are shifted back by it. */
  refShift?: number;
  /** Extra advance after each full-width glyph, pt: the character grid (pitch − size) or letter-spacing. */
  tracking?: number;
  /** Never broken across lines (共印 N 份), though it may hold spaces. */
  noBreak?: boolean;
  /** Drawn bold over the face's own weight (the renderer strokes the outlines too). */
  bold?: boolean;
}

/** One glyph per entry. */
export interface GlyphStore {
  font: string[];
  gid: number[];
  /** Natural advance, pt (the width the PDF records for the glyph). */
  adv: number[];
  /** Origin of the glyph relative to its atom's origin, pt. */
  dx: number[];
  text: string[];
  span: number[];
}

export interface Atoms {
  glyphs: GlyphStore;
  spans: Span[];
  n: number;
  /** First glyph of atom i is g0[i], end is g0[i + 1]. */
  g0: number[];
  /** Width as set (after pair compression), pt. */
  w: number[];
  /** The glyph is drawn this far left of the atom's origin (a compressed opening mark). */
  shift: number[];
  /** Right blank still present; removed when the atom ends a line. */
  rb: number[];
  /** Blank that may be squeezed out mid-line, on the left and right. */
  sqL: number[];
  sqR: number[];
  /** Han–Latin space before atom i, pt. */
  gap: number[];
  cls: Cls[];
  /** Span of atom i. */
  sp: number[];
  noStart: boolean[];
  noEnd: boolean[];
  /** No break between atom i and i + 1. */
  glue: boolean[];
  /**
   * Atom i continues the word before it (a piece of a URL or of a cut word): a line may break before it, but
   * justification puts no space there.
   */
  join: boolean[];
  /** What a break before atom i costs the line breaker, beyond the line's own adjustments (latin.ts). */
  pen: number[];
  /**
   * What a break before atom i costs on top of `pen` when the line holds more than the Latin run it cuts (a URL
   * broken off its marks: fair on a line of the URL alone, a last resort beside other text); 0 for other breaks.
   */
  mixedPen: number[];
  /** The first atom of the Latin run atom i belongs to (i itself for anything else). */
  run: number[];
  /** Width of the hyphen a line ending before atom i gets (a word wider than the measure, cut there), else 0. */
  hy: number[];
  /** The hyphen glyphs of those breaks. */
  hyphens: Map<number, HyphenGlyph>;
  /** Where the ink of a full-width dash (atom i) starts and ends, pt from its origin: "——" is drawn joined. */
  dashInk: Map<number, { x0: number; x1: number }>;
  missing: MissingChar[];
}

/** A hyphen drawn at the end of a line that cuts a word. */
export interface HyphenGlyph {
  font: string;
  gid: number;
  /** pt */
  adv: number;
}

export function emptyAtoms(spans: Span[]): Atoms {
  return {
    glyphs: { font: [], gid: [], adv: [], dx: [], text: [], span: [] },
    spans,
    n: 0,
    g0: [0],
    w: [],
    shift: [],
    rb: [],
    sqL: [],
    sqR: [],
    gap: [],
    cls: [],
    sp: [],
    noStart: [],
    noEnd: [],
    glue: [],
    join: [],
    pen: [],
    mixedPen: [],
    run: [],
    hy: [],
    hyphens: new Map(),
    dashInk: new Map(),
    missing: [],
  };
}

export function pushAtom(a: Atoms, si: number, w: number, rb: number, cls: Cls, ns: boolean, ne: boolean): void {
  const i = a.n++;
  a.sp[i] = si;
  a.w[i] = w;
  a.rb[i] = rb;
  a.shift[i] = 0;
  a.sqL[i] = 0;
  a.sqR[i] = 0;
  a.gap[i] = 0;
  a.cls[i] = cls;
  a.noStart[i] = ns;
  a.noEnd[i] = ne;
  a.glue[i] = false;
  a.join[i] = false;
  a.pen[i] = 0;
  a.mixedPen[i] = 0;
  a.run[i] = i;
  a.hy[i] = 0;
  a.g0[i + 1] = a.glyphs.gid.length;
}

/** A character no font of the span's role has, at its place in the source when the span knows it. */
export function missing(ch: string, cp: number, span: Span, offset: number): MissingChar {
  const m: MissingChar = { char: ch, codePoint: cp, role: span.role };
  const at = offset - (span.refShift ?? 0);
  if (span.ref && at >= 0) {
    m.ref = span.ref;
    m.offset = at;
  }
  return m;
}
