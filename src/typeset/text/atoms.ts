/**
 * Text → atoms: the units between which a line may break. A Han character or a punctuation mark is one atom; a
 * Latin word or a number (with its decimal point, %, or the · of "5·19") is one atom, shaped as a whole; a space
 * is an atom of its own. Glyphs live in one flat store (parallel arrays) so the hot path allocates no object per
 * glyph; an atom is a range of it.
 */
import type { Colour, FontRole, SourceRef } from '../../issue/model.js';
import type { FontFace, Fonts, MissingChar } from '../types.js';
import { Cls, classify, isDigit, isUnit, isZeroWidth, noEnd, noStart } from './classes.js';
import type { LayoutCache } from '../layout-cache.js';
import { CUT_BREAK, URL_BREAK, WORD_BREAK, latinBreaks } from './latin.js';

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
  missing: MissingChar[];
}

/** A glyph at least this wide is full-width (Noto's — is 0.89 em): it takes the grid's tracking and blanks. */
const FULL = 0.8;
const FWID_DASH = 0x2015;
const FWID_MIDDLE = 0x30fb;

function emptyAtoms(spans: Span[]): Atoms {
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
    missing: [],
  };
}

/** The face of `role` that has `cp`, or -1. Cached per chain: the same few thousand characters recur. */
export class FaceFinder {
  private readonly cache = new Map<number, number>();
  constructor(readonly faces: FontFace[]) {}
  find(cp: number): number {
    let i = this.cache.get(cp);
    if (i === undefined) {
      i = this.faces.findIndex((f) => f.hasChar(cp));
      this.cache.set(cp, i);
    }
    return i;
  }
}

/** A wide character's glyph and classes in one role; advance in em. */
interface Wide {
  ch: string;
  key: string;
  gid: number;
  adv: number;
  cls: Cls;
  ns: boolean;
  ne: boolean;
  missing: boolean;
}

export class AtomBuilder {
  private readonly finders = new Map<FontRole, FaceFinder>();
  private readonly wide = new Map<FontRole, Map<number, Wide>>();
  /** Identifies the fonts, for keys of a LayoutCache. */
  readonly fontsKey: string;
  /** Atoms already built for a paragraph's spans (paragraph.ts), so setting it again only re-breaks it. */
  readonly memo = new WeakMap<Span[], { trailer: Span | undefined; maxWidth: number; atoms: Atoms; m: unknown }>();
  constructor(
    private readonly fonts: Fonts,
    readonly cache?: LayoutCache,
  ) {
    this.fontsKey = Object.values(fonts)
      .map((c) => `${c.role}:${c.faces.map((f) => f.key).join(',')}`)
      .join(';');
  }

  finder(role: FontRole): FaceFinder {
    let f = this.finders.get(role);
    if (!f) {
      f = new FaceFinder(this.fonts[role].faces);
      this.finders.set(role, f);
    }
    return f;
  }

  /**
   * Builds the atoms of a paragraph. `maxWidth` is the narrowest measure the atoms will be set in: a Latin word
   * wider than that is cut into pieces that fit, so no line ever overflows.
   */
  build(spans: Span[], maxWidth: number): Atoms {
    const a = emptyAtoms(spans);
    spans.forEach((span, si) => this.addSpan(a, span, si, maxWidth));
    finish(a);
    return a;
  }

  private addSpan(a: Atoms, span: Span, si: number, maxWidth: number): void {
    const text = span.text;
    const finder = this.finder(span.role);
    const wideOfRole = this.wide.get(span.role);
    let i = 0;
    while (i < text.length) {
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      const known = cp !== 0xb7 ? wideOfRole?.get(cp) : undefined;
      if (known) {
        this.addWide(a, span, si, cp, known.cls, i, finder);
        i += len;
        continue;
      }
      let cls = classify(cp);
      if (cls === Cls.Middle && cp === 0xb7 && isDigit(prevCp(text, i)) && isDigit(text.codePointAt(i + 1) ?? 0)) cls = Cls.Latin;
      if (cls === Cls.Zero) {
        i += len;
        continue;
      }
      if (cls === Cls.Latin) {
        let j = i + len;
        while (j < text.length) {
          const c = text.codePointAt(j)!;
          let k = classify(c);
          if (k === Cls.Middle && c === 0xb7 && isDigit(prevCp(text, j)) && isDigit(text.codePointAt(j + 1) ?? 0)) k = Cls.Latin;
          if (k !== Cls.Latin && k !== Cls.Zero) break;
          j += c > 0xffff ? 2 : 1;
        }
        this.addLatin(a, span, si, text.slice(i, j), i, finder, maxWidth);
        i = j;
        continue;
      }
      if (cls === Cls.Space) {
        // Spaces are not drawn: their room is set by the spacing rules; PDF readers infer them from the gap.
        pushAtom(a, si, 0, 0, Cls.Space, false, false);
        i += len;
        continue;
      }
      this.addWide(a, span, si, cp, cls, i, finder);
      i += len;
    }
  }

  /** What a wide character is in a role, in em: looked up once per character and role (this is the hot path). */
  private wideInfo(role: FontRole, cp: number, cls: Cls, finder: FaceFinder): Wide {
    let byCp = this.wide.get(role);
    if (!byCp) this.wide.set(role, (byCp = new Map()));
    let w = byCp.get(cp);
    if (w) return w;
    const ch = String.fromCodePoint(cp);
    const fi = finder.find(cp);
    const face = finder.faces[Math.max(fi, 0)]!;
    // Chinese — and · are full-width; many CJK fonts map U+2014/U+00B7 to proportional Latin glyphs, so take the
    // full-width forms (U+2015, U+30FB) of the same face when it has them, keeping the text as written.
    let drawCp = cp;
    if (cp === 0x2014 && face.hasChar(FWID_DASH)) drawCp = FWID_DASH;
    else if (cp === 0xb7 && face.hasChar(FWID_MIDDLE)) drawCp = FWID_MIDDLE;
    const has = face.hasChar(drawCp);
    w = { ch, key: face.key, gid: has ? face.glyphId(drawCp) : 0, adv: has ? face.advance(drawCp) : 1, cls, ns: noStart(ch), ne: noEnd(ch), missing: fi < 0 };
    byCp.set(cp, w);
    return w;
  }

  private addWide(a: Atoms, span: Span, si: number, cp: number, cls: Cls, offset: number, finder: FaceFinder): void {
    const info = this.wideInfo(span.role, cp, cls, finder);
    if (info.missing) a.missing.push(missing(info.ch, cp, span, offset));
    const adv = info.adv * span.size;
    const full = info.adv >= FULL;
    const w = adv + (full ? (span.tracking ?? 0) : 0);
    const g = a.glyphs;
    g.font.push(info.key);
    g.gid.push(info.gid);
    g.adv.push(adv);
    g.dx.push(0);
    g.text.push(info.ch);
    g.span.push(si);
    let rb = 0;
    let sqL = 0;
    let sqR = 0;
    if (full && (cls === Cls.Close || cls === Cls.Stop)) {
      rb = w / 2;
      sqR = w / 4;
    } else if (full && cls === Cls.Open) {
      sqL = w / 4;
    } else if (full && cls === Cls.Middle) {
      sqL = w / 4;
      sqR = w / 4;
    }
    pushAtom(a, si, w, rb, cls, info.ns, info.ne);
    a.sqL[a.n - 1] = sqL;
    a.sqR[a.n - 1] = sqR;
  }

  private addLatin(a: Atoms, span: Span, si: number, word: string, offset: number, finder: FaceFinder, maxWidth: number): void {
    const shaped = shapeLatin(a, span, word, offset, finder);
    const { breaks, urls } = latinBreaks(word);
    const kindAt = new Map(breaks.map((b) => [b.at, b.kind]));
    const n = shaped.gid.length;
    let segStart = 0;
    let pen = 0;
    for (let k = 1; k <= n; k++) {
      const kind = k < n ? kindAt.get(shaped.at[k]!) : undefined;
      if (k < n && kind === undefined) continue;
      // A piece of a URL is never hyphenated; a word cut only because it is wider than the measure is.
      const o = shaped.at[segStart]!;
      const inUrl = urls.some(([u0, u1]) => o >= u0 && o < u1);
      this.addPieces(a, span, si, shaped, segStart, k, maxWidth, inUrl ? undefined : this.hyphen(finder, shaped.font[k - 1]!, span.size), pen);
      segStart = k;
      pen = kind === 'url' ? URL_BREAK : WORD_BREAK;
    }
  }

  /** Glyphs [k0, k1) of a shaped run as one atom, or several when wider than the measure (cut with a hyphen). */
  private addPieces(a: Atoms, span: Span, si: number, sh: Shaped, k0: number, k1: number, maxWidth: number, hy: Hyphen | undefined, pen: number): void {
    const g = a.glyphs;
    const first = a.n;
    let x = 0;
    const push = (adv: number, gid: number, font: string, text: string): void => {
      g.font.push(font);
      g.gid.push(gid);
      g.adv.push(adv);
      g.dx.push(x);
      g.text.push(text);
      g.span.push(si);
      x += adv;
    };
    const end = (): void => {
      pushAtom(a, si, x, 0, Cls.Latin, false, false);
      x = 0;
    };
    for (let k = k0; k < k1; k++) {
      const h = hy && k + 1 < k1 ? hy.adv : 0;
      if (k > k0 && g.gid.length > a.g0[a.n]! && x + sh.adv[k]! + h > maxWidth) {
        if (hy) push(hy.adv, hy.gid, hy.font, '');
        end();
      }
      push(sh.adv[k]!, sh.gid[k]!, sh.font[k]!, sh.text[k]!);
    }
    end();
    for (let i = first; i < a.n; i++) {
      a.join[i] = i > first || k0 > 0;
      a.pen[i] = i > first ? CUT_BREAK : pen;
    }
    if (k0 === 0) a.noStart[first] = noStart(sh.text[0]?.[0] ?? '');
    if (k1 === sh.gid.length) {
      const last = sh.text[k1 - 1] ?? '';
      a.noEnd[a.n - 1] = noEnd(last[last.length - 1] ?? '');
    }
  }

  /** The hyphen of the face a cut word is set in (none when the face has no hyphen). */
  private hyphen(finder: FaceFinder, font: string, size: number): Hyphen | undefined {
    const face = finder.faces.find((f) => f.key === font);
    if (!face || !face.hasChar(0x2d)) return undefined;
    return { font, gid: face.glyphId(0x2d), adv: face.advance(0x2d) * size };
  }
}

/** A Latin run's glyphs before they are laid into atoms; `at` is where each glyph's text starts in the run. */
interface Shaped {
  font: string[];
  gid: number[];
  adv: number[];
  text: string[];
  /** Offset in the run of the glyph's first character, −1 for a glyph with no text of its own (a mark). */
  at: number[];
}

interface Hyphen {
  font: string;
  gid: number;
  adv: number;
}

/**
 * Shapes a Latin run with character-by-character fallback: each stretch of characters one face has is shaped
 * as a whole. Zero-width characters (joiners, soft hyphens, direction marks) take no room and no glyph; shaping
 * them would draw .notdef boxes.
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

function prevCp(text: string, i: number): number {
  if (i === 0) return 0;
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.codePointAt(i - 2)! : c;
}

function missing(ch: string, cp: number, span: Span, offset: number): MissingChar {
  const m: MissingChar = { char: ch, codePoint: cp, role: span.role };
  const at = offset - (span.refShift ?? 0);
  if (span.ref && at >= 0) {
    m.ref = span.ref;
    m.offset = at;
  }
  return m;
}

function pushAtom(a: Atoms, si: number, w: number, rb: number, cls: Cls, ns: boolean, ne: boolean): void {
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
  a.g0[i + 1] = a.glyphs.gid.length;
}

const isPunct = (c: Cls): boolean => c === Cls.Open || c === Cls.Close || c === Cls.Stop || c === Cls.Middle;

/** The spacing and gluing that depend on neighbours: punctuation pairs, Han–Latin space, numbers with units. */
function finish(a: Atoms): void {
  const { n, cls } = a;
  for (let i = 1; i < n; i++) {
    const p = cls[i - 1]!;
    const c = cls[i]!;
    // Two adjacent marks: 2 em → 1.5 em (clreq). Take the first mark's right blank, else the second's left blank.
    if (isPunct(p) && isPunct(c)) {
      if (a.rb[i - 1]! > 0) {
        a.w[i - 1]! -= a.rb[i - 1]!;
        a.rb[i - 1] = 0;
        a.sqR[i - 1] = 0;
      } else if (c === Cls.Open && a.sqL[i]! > 0) {
        const cut = a.sqL[i]! * 2;
        a.w[i]! -= cut;
        a.shift[i]! += cut;
        a.sqL[i] = 0;
      }
    }
    // ¼ em between Han and Latin letters or digits; none next to punctuation (dashes included: 1—2 月).
    const size = spanSize(a, i);
    if ((p === Cls.Ideo && c === Cls.Latin && ALNUM.test(firstText(a, i))) || (p === Cls.Latin && c === Cls.Ideo && ALNUM.test(lastChar(a, i - 1)))) {
      a.gap[i] = size / 4;
    }
    // A space written between Han and Latin is that same ¼ em; next to punctuation it takes no room.
    if (c === Cls.Space && i + 1 < n) {
      const q = cls[i + 1]!;
      // A word space between Latin words and the Han–Latin space are both ¼ em.
      a.w[i] = isPunct(p) || isPunct(q) || p === Cls.Space ? 0 : size / 4;
    }
    // Never split —— or ……
    if (p === Cls.Dash && c === Cls.Dash) a.glue[i - 1] = true;
  }
  // A number stays with the character after it and with the units that follow (2026年, 380亿元, 1.4万余家).
  for (let i = 0; i + 1 < n; i++) {
    if (cls[i] !== Cls.Latin || cls[i + 1] !== Cls.Ideo) continue;
    const last = lastText(a, i);
    if (!isDigit(last.charCodeAt(last.length - 1)) && !last.endsWith('%')) continue;
    a.glue[i] = true;
    for (let k = i + 1; k + 1 < n && cls[k + 1] === Cls.Ideo && isUnit(firstText(a, k)) && isUnit(firstText(a, k + 1)); k++) a.glue[k] = true;
  }
  // A span that must stay whole (共印 N 份) holds its atoms together, its spaces too.
  for (let i = 0; i + 1 < n; i++) if (a.sp[i] === a.sp[i + 1] && a.spans[a.sp[i]!]!.noBreak) a.glue[i] = true;
}

const spanSize = (a: Atoms, i: number): number => a.spans[a.sp[i]!]!.size;

const firstText = (a: Atoms, i: number): string => a.glyphs.text[a.g0[i]!] ?? '';
const lastChar = (a: Atoms, i: number): string => {
  const t = lastText(a, i);
  return t.slice(t.length - 1);
};
/** The Han–Latin space goes beside letters and digits only: not beside "(", "," or "+" (区委(扩大)会议). */
const ALNUM = /^[\p{L}\p{N}]/u;
const lastText = (a: Atoms, i: number): string => a.glyphs.text[a.g0[i + 1]! - 1] ?? '';
