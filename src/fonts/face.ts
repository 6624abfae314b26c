/**
 * `FontFace` (src/typeset/types.ts) on a fontkit font. This is the layout's hot path (~13,000 characters an
 * issue), so Han, kana and punctuation never go through `font.layout`: the glyph id comes from the cmap, the
 * advance straight from the raw hmtx table, and both are cached per code point in typed arrays.
 */
import type { Font } from 'fontkit';
import type { FontFace, GlyphBounds, ShapedRun } from '../typeset/types.js';
import { ensureGlyphs, openFont, type LoadedFont } from './cache.js';
import { asFontError } from './errors.js';
import { openShapedStore, type ShapedStore } from './shaped-store.js';

const BMP = 0x10000;

export class KitFace implements FontFace {
  readonly key: string;
  readonly name: string;
  readonly file: string;
  readonly ascent: number;
  readonly descent: number;
  /** The fontkit object; the PDF renderer embeds this very object (never re-opened). */
  readonly font: Font;
  readonly unitsPerEm: number;

  /** gid + 1 per BMP code point; 0 = not looked up yet. Allocated on first use. */
  private bmpGids: Int32Array | null = null;
  private readonly astralGids = new Map<number, number>();
  private readonly bounds = new Map<number, GlyphBounds>();
  private readonly hmtx: DataView | null;
  private readonly numberOfHMetrics: number;
  private readonly advanceCache = new Map<number, number>();
  private readonly numGlyphs: number;

  /**
   * Whatever fontkit throws while reading a damaged file becomes a FontError naming the file (here and in every
   * method that reads the font), so the build reports it and can take the next face instead of crashing.
   */
  constructor(loaded: LoadedFont) {
    const { font, file, postscriptName } = loaded;
    this.file = file;
    const m = asFontError(file, () => KitFace.metrics(font));
    this.ascent = m.ascent;
    this.descent = m.descent;
    this.hmtx = m.hmtx;
    this.numberOfHMetrics = m.numberOfHMetrics;
    this.numGlyphs = m.numGlyphs;
    this.font = font;
    this.name = postscriptName;
    this.key = `${file}#${postscriptName}`;
    this.unitsPerEm = font.unitsPerEm;
  }

  private static metrics(font: Font): { ascent: number; descent: number; hmtx: DataView | null; numberOfHMetrics: number; numGlyphs: number } {
    // CJK fonts put the ideographic em box in the OS/2 typo metrics (Noto: 0.88/−0.12); hhea holds the tallest
    // accents instead (Noto: 1.151/−0.286). The em box is what a grid wants; hhea is the fallback.
    const os2 = font['OS/2'];
    const upm = font.unitsPerEm;
    const useTypo = os2 && os2.typoAscender > 0 && os2.typoAscender - os2.typoDescender > 0;
    const t = font.directory.tables.hmtx;
    const buf = font.stream.buffer;
    return {
      ascent: (useTypo ? os2.typoAscender : font.hhea.ascent) / upm,
      descent: (useTypo ? os2.typoDescender : font.hhea.descent) / upm,
      hmtx: t ? new DataView(buf.buffer, buf.byteOffset + t.offset, t.length) : null,
      numberOfHMetrics: font.hhea.numberOfMetrics,
      numGlyphs: font.numGlyphs,
    };
  }

  glyphId(cp: number): number {
    if (cp < BMP) {
      let table = this.bmpGids;
      if (!table) table = this.bmpGids = new Int32Array(BMP);
      const v = table[cp]!;
      if (v !== 0) return v - 1;
      const gid = this.lookup(cp);
      table[cp] = gid + 1;
      return gid;
    }
    let gid = this.astralGids.get(cp);
    if (gid === undefined) {
      gid = this.lookup(cp);
      this.astralGids.set(cp, gid);
    }
    return gid;
  }

  hasChar(cp: number): boolean {
    return this.glyphId(cp) !== 0;
  }

  advance(cp: number): number {
    return this.gidAdvance(this.glyphId(cp)) / this.unitsPerEm;
  }

  /** Advance of a glyph in font units, from the raw hmtx table (no Glyph objects). */
  gidAdvance(gid: number): number {
    const h = this.hmtx;
    const n = this.numberOfHMetrics;
    if (h && n > 0) {
      // Glyphs past numberOfHMetrics share the last advance (OpenType hmtx).
      const i = gid < n ? gid : n - 1;
      if (i * 4 + 2 <= h.byteLength) return h.getUint16(i * 4);
    }
    let a = this.advanceCache.get(gid);
    if (a === undefined) {
      a = asFontError(this.file, () => this.font.getGlyph(gid).advanceWidth);
      this.advanceCache.set(gid, a);
    }
    return a;
  }

  /**
   * Shaped runs by text. Latin words and numbers repeat within an issue and across rebuilds (watch, batch), and
   * `font.layout` is the costliest call of a layout; a run is the same every time, and callers only read it.
   */
  private readonly shaped = new Map<string, ShapedRun>();

  /** Runs from earlier processes (shaped-store.ts); undefined until the first shape, null without a cache. */
  private stored: ShapedStore | null | undefined;

  shape(text: string): ShapedRun {
    let run = this.shaped.get(text);
    if (!run) {
      if (this.shaped.size >= 50_000) this.shaped.clear();
      if (this.stored === undefined) this.stored = openShapedStore(this.file, this.name);
      run = this.stored?.runs.get(text);
      if (!run) {
        run = asFontError(this.file, () => this.shapeUncached(text));
        this.stored?.add(text, run);
      }
      this.shaped.set(text, run);
    }
    return run;
  }

  private shapeUncached(text: string): ShapedRun {
    const upm = this.unitsPerEm;
    const run = this.font.layout(text);
    const gids: number[] = [];
    const advances: number[] = [];
    const texts: string[] = [];
    let joined = '';
    for (let i = 0; i < run.glyphs.length; i++) {
      const g = run.glyphs[i]!;
      const s = String.fromCodePoint(...g.codePoints);
      gids.push(g.id);
      advances.push(run.positions[i]!.xAdvance / upm);
      texts.push(s);
      joined += s;
    }
    if (joined === text) return { gids, advances, texts };
    // Shaping reordered or lost characters (should not happen for Latin and digits): fall back to one glyph per
    // character, so the text layer stays exact.
    const out: ShapedRun = { gids: [], advances: [], texts: [] };
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      out.gids.push(this.glyphId(cp));
      out.advances.push(this.advance(cp));
      out.texts.push(ch);
    }
    return out;
  }

  glyphBounds(cp: number): GlyphBounds {
    let b = this.bounds.get(cp);
    if (!b) {
      const gid = this.glyphId(cp);
      const bbox = asFontError(this.file, () => {
        ensureGlyphs(this.font, [gid]);
        return this.font.getGlyph(gid).bbox;
      });
      const upm = this.unitsPerEm;
      const ok = [bbox.minX, bbox.maxX, bbox.minY, bbox.maxY].every(Number.isFinite);
      b = ok ? { xMin: bbox.minX / upm, xMax: bbox.maxX / upm, yMin: bbox.minY / upm, yMax: bbox.maxY / upm } : { xMin: 0, xMax: 0, yMin: 0, yMax: 0 };
      this.bounds.set(cp, b);
    }
    return b;
  }

  private lookup(cp: number): number {
    const gid = asFontError(this.file, () => {
      const cmap = this.font._cmapProcessor;
      if (cmap && typeof cmap.lookup === 'function') return cmap.lookup(cp) || 0;
      return this.font.hasGlyphForCodePoint(cp) ? this.font.glyphForCodePoint(cp).id : 0;
    });
    // A map entry past the last glyph (a damaged cmap) names nothing that could be drawn.
    return gid < this.numGlyphs ? gid : 0;
  }
}

const faces = new WeakMap<LoadedFont, KitFace>();

/** The face of a font file (cached: same file and name → the same `KitFace`). */
export function getFace(file: string, postscriptName?: string): KitFace {
  const loaded = openFont(file, postscriptName);
  let face = faces.get(loaded);
  if (!face) {
    face = new KitFace(loaded);
    faces.set(loaded, face);
  }
  return face;
}

/**
 * A face whose file is opened on first use. Role chains end in stand-in faces that a document may never need
 * (every character found in the official face): those 15 MB files are then never read. Key, name and file are
 * known up front (from the name table), so layout can refer to the face without opening it.
 */
export class LazyFace implements FontFace {
  readonly key: string;
  private real: KitFace | null = null;

  constructor(
    readonly file: string,
    readonly name: string,
  ) {
    this.key = `${file}#${name}`;
  }

  /** The opened face (throws FontError when the file turns out unusable). */
  get face(): KitFace {
    return (this.real ??= getFace(this.file, this.name || undefined));
  }
  get opened(): boolean {
    return this.real !== null;
  }
  get font(): Font {
    return this.face.font;
  }
  get ascent(): number {
    return this.face.ascent;
  }
  get descent(): number {
    return this.face.descent;
  }
  hasChar(cp: number): boolean {
    return this.face.hasChar(cp);
  }
  glyphId(cp: number): number {
    return this.face.glyphId(cp);
  }
  advance(cp: number): number {
    return this.face.advance(cp);
  }
  shape(text: string): ShapedRun {
    return this.face.shape(text);
  }
  glyphBounds(cp: number): GlyphBounds {
    return this.face.glyphBounds(cp);
  }
}
