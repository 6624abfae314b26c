/**
 * A run of Latin text (letters, digits, ASCII punctuation; no spaces) → atoms. The run is shaped as a whole, with
 * per-character font fallback, then split where it may break (latin.ts): a URL after its marks, a word after its
 * own hyphen or slash; the pieces are joined (no justification space between them). A word wider than the
 * measure, the only thing that may be cut, may break between any two of its letters (two kept before, three
 * after), with a hyphen drawn only where a line does end there.
 */
import type { FaceFinder } from './atoms.js';
import { Cls, isZeroWidth, noEnd, noStart } from './classes.js';
import { CUT_BREAK, type LatinBreak, latinBreaks } from './latin.js';
import { type Atoms, type HyphenGlyph, type Span, missing, pushAtom } from './store.js';

/** Letters kept before and after a cut in a word wider than the measure (TeX's lefthyphenmin, righthyphenmin). */
const CUT_BEFORE = 2;
const CUT_AFTER = 3;

/** A run's glyphs before they are laid into atoms; `at` is where each glyph's text starts in the run. */
interface Shaped {
  font: string[];
  gid: number[];
  adv: number[];
  text: string[];
  /** Offset in the run of the glyph's first character, −1 for a glyph with no text of its own (a mark). */
  at: number[];
}

export function addLatinRun(a: Atoms, span: Span, si: number, word: string, offset: number, finder: FaceFinder, maxWidth: number): void {
  const sh = shapeLatin(a, span, word, offset, finder);
  const n = sh.gid.length;
  if (n === 0) return;
  const { breaks, urls } = latinBreaks(word);
  const at = new Map(breaks.map((b) => [b.at, b]));
  const first = a.n;
  let from = 0;
  let brk: LatinBreak | undefined;
  for (let k = 1; k <= n; k++) {
    const next = k < n ? at.get(sh.at[k]!) : undefined;
    if (k < n && next === undefined) continue;
    const o = sh.at[from]!;
    // A URL is never hyphenated; a word is, where it is cut.
    const inUrl = urls.some(([u0, u1]) => o >= u0 && o < u1);
    const i = addPieces(a, si, sh, from, k, maxWidth, inUrl ? undefined : hyphenOf(finder, sh.font[k - 1]!, span.size));
    a.join[i] = from > 0;
    a.pen[i] = brk?.cost ?? 0;
    a.mixedPen[i] = brk?.mixed ?? 0;
    from = k;
    brk = next;
  }
  for (let i = first; i < a.n; i++) a.run[i] = first;
  a.noStart[first] = noStart(sh.text[0]?.[0] ?? '');
  const last = sh.text[n - 1] ?? '';
  a.noEnd[a.n - 1] = noEnd(last[last.length - 1] ?? '');
}

/**
 * Glyphs [k0, k1) as one atom; when wider than the measure, as pieces: a word with a hyphen may break after any
 * of its letters, anything else is cut into pieces that fit. Returns the index of the first atom.
 */
function addPieces(a: Atoms, si: number, sh: Shaped, k0: number, k1: number, maxWidth: number, hy: HyphenGlyph | undefined): number {
  const first = a.n;
  let width = 0;
  for (let k = k0; k < k1; k++) width += sh.adv[k]!;
  const cuts: number[] = [];
  if (width > maxWidth && hy) {
    for (let k = k0 + CUT_BEFORE; k <= k1 - CUT_AFTER; k++) if (sh.text[k]) cuts.push(k);
  } else if (width > maxWidth) {
    let x = 0;
    for (let k = k0; k < k1; k++) {
      if (k > k0 && x + sh.adv[k]! > maxWidth) {
        cuts.push(k);
        x = 0;
      }
      x += sh.adv[k]!;
    }
  }
  let from = k0;
  for (const to of [...cuts, k1]) {
    const i = emit(a, si, sh, from, to);
    if (i > first) {
      a.join[i] = true;
      a.pen[i] = CUT_BREAK;
      if (hy) {
        a.hy[i] = hy.adv;
        a.hyphens.set(i, hy);
      }
    }
    from = to;
  }
  return first;
}

/** Glyphs [k0, k1) of the run as one atom; returns its index. */
function emit(a: Atoms, si: number, sh: Shaped, k0: number, k1: number): number {
  const g = a.glyphs;
  let x = 0;
  for (let k = k0; k < k1; k++) {
    g.font.push(sh.font[k]!);
    g.gid.push(sh.gid[k]!);
    g.adv.push(sh.adv[k]!);
    g.dx.push(x);
    g.text.push(sh.text[k]!);
    g.span.push(si);
    x += sh.adv[k]!;
  }
  pushAtom(a, si, x, 0, Cls.Latin, false, false);
  return a.n - 1;
}

/** The hyphen of the face a word is set in (none when the face has no hyphen). */
function hyphenOf(finder: FaceFinder, font: string, size: number): HyphenGlyph | undefined {
  const face = finder.faces.find((f) => f.key === font);
  if (!face || !face.hasChar(0x2d)) return undefined;
  return { font, gid: face.glyphId(0x2d), adv: face.advance(0x2d) * size };
}

/**
 * Shapes a Latin run with character-by-character fallback: each stretch of characters one face has is shaped as
 * a whole. Zero-width characters (joiners, soft hyphens, direction marks) take no room and no glyph; shaping them
 * would draw .notdef boxes.
 */
function shapeLatin(a: Atoms, span: Span, word: string, offset: number, finder: FaceFinder): Shaped {
  const out: Shaped = { font: [], gid: [], adv: [], text: [], at: [] };
  let i = 0;
  while (i < word.length) {
    let cp = word.codePointAt(i)!;
    if (isZeroWidth(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const fi = finder.find(cp);
    const face = finder.faces[Math.max(fi, 0)]!;
    let run = '';
    const runAt: number[] = [];
    let j = i;
    while (j < word.length) {
      cp = word.codePointAt(j)!;
      const len = cp > 0xffff ? 2 : 1;
      if (!isZeroWidth(cp)) {
        const f = finder.find(cp);
        // A combining mark stays with its base when the base's face has it.
        if (j > i && f !== fi && !(isMark(cp) && face.hasChar(cp))) break;
        if (f < 0) a.missing.push(missing(String.fromCodePoint(cp), cp, span, offset + j));
        run += word.slice(j, j + len);
        for (let u = 0; u < len; u++) runAt.push(j + u);
      }
      j += len;
    }
    const shaped = face.shape(run);
    let p = 0;
    for (let k = 0; k < shaped.gids.length; k++) {
      const t = shaped.texts[k]!;
      out.font.push(face.key);
      out.gid.push(shaped.gids[k]!);
      out.adv.push(shaped.advances[k]! * span.size);
      out.text.push(t);
      out.at.push(t ? (runAt[p] ?? -1) : -1);
      p += t.length;
    }
    i = j;
  }
  return out;
}

function isMark(cp: number): boolean {
  return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f) || cp === 0x200d;
}
