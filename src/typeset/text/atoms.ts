/**
 * Text → atoms: the units between which a line may break. A Han character or a punctuation mark is one atom; a
 * run of Latin letters and digits (with its decimal point, %, or the · of "5·19") is shaped as a whole and is one
 * atom, or several where it may break inside (words.ts); a space is an atom of its own. The store is store.ts,
 * the spacing between neighbours spacing.ts.
 */
import type { FontFace, Fonts, FontRole } from '../types.js';
import { Cls, classify, isDigit, noEnd, noStart } from './classes.js';
import type { LayoutCache } from '../layout-cache.js';
import { finish } from './spacing.js';
import { type Atoms, type Span, emptyAtoms, missing, pushAtom } from './store.js';
import { addLatinRun } from './words.js';

export type { Atoms, GlyphStore, HyphenGlyph, Span } from './store.js';

/** A glyph at least this wide is full-width (Noto's — is 0.89 em): it takes the grid's tracking and blanks. */
const FULL = 0.8;
const FWID_DASH = 0x2015;
const FWID_MIDDLE = 0x30fb;

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
  /** A dash's ink, em from its origin. */
  ink?: [number, number];
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
        addLatinRun(a, span, si, text.slice(i, j), i, finder, maxWidth);
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
    if (cls === Cls.Dash && has) {
      const b = face.glyphBounds(drawCp);
      w.ink = [b.xMin, b.xMax];
    }
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
    if (full && info.ink && info.ink[1] > info.ink[0]) a.dashInk.set(a.n - 1, { x0: info.ink[0] * span.size, x1: info.ink[1] * span.size });
  }
}

function prevCp(text: string, i: number): number {
  if (i === 0) return 0;
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.codePointAt(i - 2)! : c;
}
