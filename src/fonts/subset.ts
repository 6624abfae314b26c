/**
 * A TrueType (glyf) subsetter that copies each glyph's bytes as they are. fontkit's TTFSubset decodes every
 * glyph's contours (`glyph._decode()`) only to learn whether it is composite, about 10 ms for the thousand CJK
 * glyphs of a bulletin; here the 2-byte numberOfContours says so, and a composite glyph's component records are
 * walked to rewrite their glyph ids.
 *
 * It stands in for `font.createSubset()` where pdfkit uses it (EmbeddedFont: `subset.includeGlyph(gid)` while
 * drawing, `subset.encode()` at `doc.end()`, and `subset.cff == null` meaning "TrueType, FontFile2"), and writes
 * the tables fontkit's TTFSubset writes: head, hhea, maxp, hmtx, loca, glyf, plus cvt, prep and fpgm when present.
 * Subset ids are given in first-use order as fontkit does: .notdef is 0, then the glyphs as included, then the
 * components of composite glyphs as `encode` meets them.
 *
 * The output depends only on the font and the ordered glyph list, so it is memoized (a watch-mode rebuild
 * usually asks for the same subset again).
 */
import { deflateSync } from 'node:zlib';
import type { Font } from 'fontkit';
import { ensureGlyphs, fontBytes } from './cache.js';

/** Composite glyph flags (OpenType glyf table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Tables copied unchanged when the font has them (fontkit's TTFSubset copies the same three). */
const HINTING_TABLES = ['cvt ', 'fpgm', 'prep'] as const;

interface TableRef {
  offset: number;
  length: number;
}

/** What the subsetter needs of fontkit's Font beyond the public typings. */
interface GlyfFont {
  directory: { tables: Record<string, TableRef | undefined> };
  loca: { offsets: ArrayLike<number> };
  variationCoords?: unknown;
  stream?: { buffer?: Uint8Array };
}

function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

function bytesOf(font: Font): Buffer | undefined {
  const b = fontBytes(font) ?? (font as unknown as GlyfFont).stream?.buffer;
  return b ? asBuffer(b) : undefined;
}

/**
 * Whether `font` can be subset here: TrueType outlines (glyf + loca), no CFF, not a variation instance (fontkit
 * re-encodes those outlines), and its bytes at hand.
 */
export function canSubsetGlyf(font: Font): boolean {
  const f = font as unknown as GlyfFont;
  const t = f.directory.tables;
  if (!t.glyf || !t.loca || !t.head || !t.hhea || !t.hmtx || !t.maxp) return false;
  if (t['CFF '] || t.CFF2) return false;
  if (f.variationCoords) return false;
  return bytesOf(font) !== undefined;
}

/* ---- memo: the last few encodings, by font and exact ordered glyph list ---- */

interface Memo {
  /** Weak: a memo entry must not keep a font (and its file's bytes) alive after the font cache let it go. */
  font: WeakRef<Font>;
  key: string;
  /** The glyph list after encoding (components appended). */
  glyphs: number[];
  bytes: Buffer;
}

const MEMO_SIZE = 16;
const memo: Memo[] = [];

function memoGet(font: Font, key: string): Memo | undefined {
  const i = memo.findIndex((m) => m.key === key && m.font.deref() === font);
  if (i < 0) return undefined;
  const [m] = memo.splice(i, 1);
  memo.push(m!);
  return m;
}

function memoPut(m: Memo): void {
  memo.push(m);
  if (memo.length > MEMO_SIZE) memo.shift();
}

/** Forgets memoized subsets (tests). */
export function clearSubsetMemo(): void {
  memo.length = 0;
}

/** Deflated copies of memoized subsets, kept as long as the subset bytes themselves are. */
const deflated = new WeakMap<Uint8Array, Buffer>();

/**
 * The deflated form of a memoized subset (what the PDF stores), computed once; undefined for any other bytes.
 * Deflating the font files was most of a warm render once the subsets themselves were memoized.
 */
export function deflatedSubset(bytes: Uint8Array): Buffer | undefined {
  if (!memo.some((m) => m.bytes === bytes)) return undefined;
  let z = deflated.get(bytes);
  if (!z) deflated.set(bytes, (z = deflateSync(bytes)));
  return z;
}

/** A glyph in the output: a slice of the source glyf table, or bytes rewritten (composite glyphs). */
interface Piece {
  src: number;
  length: number;
  patched?: Buffer;
}

/** The subset: API-compatible with fontkit's TTFSubset as far as pdfkit uses it. */
export class GlyfSubset {
  readonly font: Font;
  readonly glyphs: number[] = [];
  readonly mapping = new Map<number, number>();
  /** Always null: pdfkit tells CFF from TrueType subsets by `subset.cff != null`. */
  readonly cff = null;

  constructor(font: Font) {
    this.font = font;
    this.includeGlyph(0);
  }

  /** The subset id of `gid`, adding it on first use. Accepts a glyph object too, as fontkit's does. */
  includeGlyph(glyph: number | { id: number }): number {
    const gid = typeof glyph === 'object' ? glyph.id : glyph;
    let sid = this.mapping.get(gid);
    if (sid === undefined) {
      sid = this.glyphs.length;
      this.glyphs.push(gid);
      this.mapping.set(gid, sid);
    }
    return sid;
  }

  /** The subset font file (TrueType), deterministic for the font and the ordered glyph list. */
  encode(): Buffer {
    const key = this.glyphs.join(',');
    const hit = memoGet(this.font, key);
    if (hit) {
      for (let i = this.glyphs.length; i < hit.glyphs.length; i++) this.includeGlyph(hit.glyphs[i]!);
      return hit.bytes;
    }
    const bytes = this.build();
    memoPut({ font: new WeakRef(this.font), key, glyphs: this.glyphs.slice(), bytes });
    return bytes;
  }

  private build(): Buffer {
    const font = this.font;
    const f = font as unknown as GlyfFont;
    const src = bytesOf(font);
    if (!src) throw new Error('GlyfSubset: the font bytes are not available');
    const t = f.directory.tables;
    const glyf = t.glyf!;
    const offsets = f.loca.offsets;
    const nLoca = offsets.length;
    ensureGlyphs(font, this.glyphs);

    // glyf: each glyph's bytes, padded to 4 (composite components are included as they are met, like fontkit).
    const pieces: Piece[] = [];
    let glyfSize = 0;
    for (let i = 0; i < this.glyphs.length; i++) {
      const gid = this.glyphs[i]!;
      let start = 0;
      let length = 0;
      if (gid + 1 < nLoca) {
        start = offsets[gid]!;
        length = offsets[gid + 1]! - start;
        if (length < 0 || start + length > glyf.length) length = 0; // damaged loca: an empty glyph
      }
      const piece: Piece = { src: glyf.offset + start, length };
      if (length >= 10 && src.readInt16BE(piece.src) < 0) piece.patched = this.composite(src, piece.src, length);
      pieces.push(piece);
      glyfSize += (length + 3) & ~3;
    }

    const n = pieces.length;
    const shortLoca = glyfSize <= 0x1fffe;
    const locaSize = (n + 1) * (shortLoca ? 2 : 4);

    // hmtx: advance and left side bearing of each subset glyph, trailing equal advances folded as the format allows.
    const hhea = t.hhea!;
    const hmtx = t.hmtx!;
    const srcMetrics = Math.max(1, src.readUInt16BE(hhea.offset + 34));
    const adv = new Array<number>(n);
    const lsb = new Array<number>(n);
    const read16 = (at: number, signed: boolean): number =>
      at + 2 <= hmtx.offset + hmtx.length ? (signed ? src.readInt16BE(at) : src.readUInt16BE(at)) : 0;
    for (let i = 0; i < n; i++) {
      const gid = this.glyphs[i]!;
      const m = Math.min(gid, srcMetrics - 1);
      adv[i] = read16(hmtx.offset + 4 * m, false);
      lsb[i] = gid < srcMetrics ? read16(hmtx.offset + 4 * gid + 2, true) : read16(hmtx.offset + 4 * srcMetrics + 2 * (gid - srcMetrics), true);
    }
    let numberOfHMetrics = n;
    while (numberOfHMetrics > 1 && adv[numberOfHMetrics - 1] === adv[numberOfHMetrics - 2]) numberOfHMetrics--;
    const hmtxSize = 4 * numberOfHMetrics + 2 * (n - numberOfHMetrics);

    const tables: { tag: string; length: number; write(out: Buffer, at: number): void }[] = [];
    const copy = (tag: string): void => {
      const ref = t[tag];
      if (ref && ref.length > 0) tables.push({ tag, length: ref.length, write: (out, at) => void src.copy(out, at, ref.offset, ref.offset + ref.length) });
    };
    // head, hhea and maxp are the source's, with the one field the subset changes.
    const patched = (tag: string, ref: { offset: number; length: number }, patch: (out: Buffer, at: number) => void): void => {
      tables.push({
        tag,
        length: ref.length,
        write(out, at) {
          src.copy(out, at, ref.offset, ref.offset + ref.length);
          patch(out, at);
        },
      });
    };
    patched('head', t.head!, (out, at) => void out.writeInt16BE(shortLoca ? 0 : 1, at + 50)); // indexToLocFormat
    patched('hhea', hhea, (out, at) => void out.writeUInt16BE(numberOfHMetrics, at + 34));
    patched('maxp', t.maxp!, (out, at) => void out.writeUInt16BE(n, at + 4));
    tables.push({
      tag: 'hmtx',
      length: hmtxSize,
      write(out, at) {
        let p = at;
        for (let i = 0; i < numberOfHMetrics; i++, p += 4) {
          out.writeUInt16BE(adv[i]!, p);
          out.writeInt16BE(lsb[i]!, p + 2);
        }
        for (let i = numberOfHMetrics; i < n; i++, p += 2) out.writeInt16BE(lsb[i]!, p);
      },
    });
    tables.push({
      tag: 'loca',
      length: locaSize,
      write(out, at) {
        let off = 0;
        for (let i = 0; i <= n; i++) {
          if (shortLoca) out.writeUInt16BE(off >>> 1, at + 2 * i);
          else out.writeUInt32BE(off, at + 4 * i);
          if (i < n) off += (pieces[i]!.length + 3) & ~3;
        }
      },
    });
    tables.push({
      tag: 'glyf',
      length: glyfSize,
      write(out, at) {
        let p = at;
        for (const piece of pieces) {
          if (piece.patched) piece.patched.copy(out, p);
          else src.copy(out, p, piece.src, piece.src + piece.length);
          p += (piece.length + 3) & ~3; // the padding stays zero (Buffer.alloc)
        }
      },
    });
    for (const tag of HINTING_TABLES) copy(tag);
    return sfnt(tables);
  }

  /**
   * A copy of the composite glyph at `at` with each component's glyph id replaced by its subset id (components
   * are included on the way). Component records: flags, glyphIndex, two arguments (words or bytes), then no
   * scale, one F2Dot14 scale, x and y scales, or a 2×2 matrix; MORE_COMPONENTS says whether another follows.
   * Instructions after the last component are copied as they are.
   */
  private composite(src: Buffer, at: number, length: number): Buffer {
    const out = Buffer.from(src.subarray(at, at + length));
    const found: number[] = [];
    let p = 10;
    for (;;) {
      if (p + 4 > length) break;
      const flags = out.readUInt16BE(p);
      found.push(p + 2);
      p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) p += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
      if (!(flags & MORE_COMPONENTS)) break;
    }
    // The sparse reader follows components already; asking again costs nothing and keeps this safe on its own.
    ensureGlyphs(
      this.font,
      found.map((q) => out.readUInt16BE(q)),
    );
    for (const q of found) out.writeUInt16BE(this.includeGlyph(out.readUInt16BE(q)), q);
    return out;
  }
}

/** The subsetter for `font` when it has TrueType outlines (see `canSubsetGlyf`), else undefined. */
export function createGlyfSubset(font: Font): GlyfSubset | undefined {
  return canSubsetGlyf(font) ? new GlyfSubset(font) : undefined;
}

/* ---- the sfnt container ---- */

function checksum(b: Buffer, at: number, length: number): number {
  // Tables are written 4-aligned with zero padding, so whole words cover them. The sum stays exact in a double
  // (under 2^53 for any table below 2 GB) and is reduced once.
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let sum = 0;
  const end = at + ((length + 3) & ~3);
  for (let p = at; p < end; p += 4) sum += view.getUint32(p);
  return sum % 0x100000000;
}

/**
 * A TrueType font file of these tables: table directory sorted by tag with checksums, searchRange and friends,
 * each table 4-byte aligned, and head.checkSumAdjustment set when there is a head table.
 */
export function sfnt(tables: { tag: string; length: number; write(out: Buffer, at: number): void }[]): Buffer {
  const sorted = tables.slice().sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const num = sorted.length;
  const dirSize = 12 + 16 * num;
  let size = dirSize;
  for (const tb of sorted) size += (tb.length + 3) & ~3;
  const out = Buffer.alloc(size);
  let pow = 1;
  let log = 0;
  while (pow * 2 <= num) {
    pow *= 2;
    log++;
  }
  out.writeUInt32BE(0x00010000, 0);
  out.writeUInt16BE(num, 4);
  out.writeUInt16BE(pow * 16, 6);
  out.writeUInt16BE(log, 8);
  out.writeUInt16BE(num * 16 - pow * 16, 10);
  let at = dirSize;
  let headAt = -1;
  // The file's checksum is the directory's plus the tables' (they are disjoint and 4-aligned).
  let total = 0;
  sorted.forEach((tb, i) => {
    tb.write(out, at);
    // head's checksum is taken with checkSumAdjustment 0; the adjustment is set once the file is complete.
    if (tb.tag === 'head' && tb.length >= 12) out.writeUInt32BE(0, at + 8);
    const rec = 12 + 16 * i;
    const sum = checksum(out, at, tb.length);
    out.write(tb.tag, rec, 4, 'latin1');
    out.writeUInt32BE(sum, rec + 4);
    out.writeUInt32BE(at, rec + 8);
    out.writeUInt32BE(tb.length, rec + 12);
    total += sum;
    if (tb.tag === 'head' && tb.length >= 12) headAt = at;
    at += (tb.length + 3) & ~3;
  });
  total += checksum(out, 0, dirSize);
  if (headAt >= 0) out.writeUInt32BE((0xb1b0afba - (total % 0x100000000) + 0x100000000) % 0x100000000, headAt + 8);
  return out;
}
