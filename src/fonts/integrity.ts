/**
 * Whether a font file can be read completely: not only opened (cache.ts checks the table directory and that the
 * required tables are there), but every table that `fonts`, `check`, the layout and pdfkit read is decoded once,
 * the character map and the glyph index (loca) are walked and must stay inside the file and the glyph count.
 * A damaged file fails here, once, with its name — so `fonts`, `check` and `build` say the same about it and the
 * resolver takes the next candidate — instead of in the middle of a layout or a render.
 *
 * Two things are left to the moment they are used, because fontkit's decoding of them costs a tenth of a second
 * or more per face, which `check` and `fonts` would pay for nothing: the OpenType layout tables (GSUB/GPOS, decoded
 * when `build` first shapes Latin letters) and the glyph outlines and per-glyph metrics objects. A fault there is still reported by name (face.ts and the renderer turn it into a FontError, and
 * the build takes the next candidate); a byte flipped inside an outline that still decodes draws a misshapen glyph,
 * which nothing can tell from a real one.
 */
import type { Font } from 'fontkit';
import { fontBytes, openFont } from './cache.js';
import { FontError, fontCorrupt } from './errors.js';

const checked = new WeakMap<Font, FontError | null>();

/** The problem with this face, or undefined when it can be used. Never throws; the answer is kept per face. */
export function fontFileProblem(file: string, postscriptName?: string): FontError | undefined {
  let font: Font;
  try {
    font = openFont(file, postscriptName).font;
  } catch (e) {
    return e instanceof FontError ? e : fontCorrupt(file, String(e), e);
  }
  let known = checked.get(font);
  if (known === undefined) {
    known = null;
    try {
      inspect(font, file);
    } catch (e) {
      known = e instanceof FontError ? e : fontCorrupt(file, e instanceof Error ? e.message : String(e), e);
    }
    checked.set(font, known);
  }
  return known ?? undefined;
}

type Tables = Record<string, { offset: number; length: number } | undefined>;

/** Throws at the first thing that cannot be read. */
function inspect(font: Font, file: string): void {
  const f = font as Font & Record<string, any>; // fontkit's tables beyond the narrow typings
  const tables = font.directory.tables as Tables;
  const bytes = fontBytes(font);
  const bad = (zh: string, en: string) => fontCorrupt(file, { zh, en });
  if (!tables.post) throw bad('缺少 post 表', 'no post table');
  const numGlyphs = font.numGlyphs;
  const metrics = font.hhea.numberOfMetrics;
  if (!(numGlyphs > 0) || !(metrics > 0) || metrics > numGlyphs) throw bad(`字形数不对（${numGlyphs}，度量 ${metrics}）`, `bad glyph count (${numGlyphs}, metrics ${metrics})`);
  if (tables.hmtx!.length < 4 * metrics) throw bad('hmtx 表太短', 'hmtx table too short');
  if (bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (tables.glyf && tables.loca) checkLoca(view, tables, numGlyphs, f.head.indexToLocFormat, bad);
    checkCmap(view, tables.cmap!, numGlyphs, bad);
    // fontkit reads vertical metrics with every glyph's advance when the font has them.
    if (tables.vmtx) {
      const vhea = tables.vhea;
      if (!vhea || vhea.length < 36 || tables.vmtx.length < 4 * view.getUint16(vhea.offset + 34)) throw bad('vmtx 或 vhea 表不完整', 'vmtx or vhea table incomplete');
    }
  }
  // What pdfkit reads when it embeds the font, and the metrics the layout reads.
  void [font.postscriptName, font.ascent, font.descent, font.lineGap, f.xHeight, f.capHeight, f.italicAngle, font.bbox];
  void [f.post.isFixedPitch, f.head.macStyle, (f['OS/2'] as Record<string, unknown> | undefined)?.sFamilyClass];
  void f._cmapProcessor;
}

type Bad = (zh: string, en: string) => FontError;

/** loca: numGlyphs + 1 offsets, in order, none past the end of glyf. */
function checkLoca(view: DataView, tables: Tables, numGlyphs: number, format: number, bad: Bad): void {
  const loca = tables.loca!;
  const glyf = tables.glyf!;
  const size = format === 0 ? 2 : 4;
  if (loca.length < (numGlyphs + 1) * size) throw bad('loca 表太短', 'loca table too short');
  let last = 0;
  for (let i = 0; i <= numGlyphs; i++) {
    const at = loca.offset + i * size;
    const o = size === 2 ? view.getUint16(at) * 2 : view.getUint32(at);
    if (o < last) throw bad(`loca 表的字形位置乱了（第 ${i} 个）`, `loca offsets out of order (glyph ${i})`);
    last = o;
  }
  if (last > glyf.length) throw bad('loca 表指向 glyf 表之外', 'loca points past the glyf table');
}

/** The Unicode subtables fontkit prefers, in its order (CmapProcessor): only the first one present is used. */
const UNICODE_PAIRS = [[3, 10], [0, 6], [0, 4], [3, 1], [0, 3], [0, 2], [0, 1], [0, 0]] as const;

/**
 * Every cmap subtable stays inside the cmap table, and the one fontkit looks characters up in maps them only to
 * glyphs that exist (an id past the last glyph makes pdfkit fail when it asks for the glyph's width).
 */
function checkCmap(view: DataView, cmap: { offset: number; length: number }, numGlyphs: number, bad: Bad): void {
  const end = cmap.offset + cmap.length;
  const u16 = (at: number) => (at + 2 <= end ? view.getUint16(at) : NaN);
  const u32 = (at: number) => (at + 4 <= end ? view.getUint32(at) : NaN);
  const n = u16(cmap.offset + 2);
  if (!(4 + 8 * n <= cmap.length)) throw bad('cmap 表太短', 'cmap table too short');
  const records = Array.from({ length: n }, (_, i) => {
    const rec = cmap.offset + 4 + 8 * i;
    return { platform: view.getUint16(rec), encoding: view.getUint16(rec + 2), at: cmap.offset + view.getUint32(rec + 4) };
  });
  const used = UNICODE_PAIRS.map(([p, e]) => records.find((r) => r.platform === p && r.encoding === e)).find((r) => r)?.at;
  const outside = (format: number) => bad(`cmap 表（格式 ${format}）超出了表的范围`, `a cmap subtable (format ${format}) runs past the table`);
  const noGlyph = (cp: number) => bad(`cmap 表把 U+${cp.toString(16).toUpperCase().padStart(4, '0')} 指向不存在的字形`, `cmap maps U+${cp.toString(16).toUpperCase().padStart(4, '0')} to a glyph that does not exist`);
  for (const { at } of records) {
    const format = u16(at);
    if (!(at < end) || Number.isNaN(format)) throw outside(NaN);
    const room = end - at;
    const walk = at === used;
    switch (format) {
      case 0:
        if (6 + 256 > room) throw outside(format);
        break;
      case 4: {
        const segX2 = u16(at + 6);
        const length = u16(at + 2);
        if (!(16 + 4 * segX2 <= room) || !(length <= room)) throw outside(format);
        if (walk) walkFormat4(view, at, segX2, at + length, numGlyphs, noGlyph);
        break;
      }
      case 6:
        if (!(10 + 2 * u16(at + 8) <= room)) throw outside(format);
        break;
      case 12:
      case 13: {
        const groups = u32(at + 12);
        if (!(16 + 12 * groups <= room)) throw outside(format);
        for (let g = 0; walk && g < groups; g++) {
          const p = at + 16 + 12 * g;
          const start = view.getUint32(p);
          const last = view.getUint32(p + 4);
          const gid = view.getUint32(p + 8);
          if (last < start) throw outside(format);
          if ((format === 12 ? gid + (last - start) : gid) >= numGlyphs) throw noGlyph(start);
        }
        break;
      }
      case 2:
      case 14:
        if (!(u16(at + 2) <= room)) throw outside(format);
        break;
      default:
        // 8 and 10 are never used for Unicode, and fontkit cannot read them: such a font would fail at lookup.
        throw bad(`cmap 表的格式 ${format} 读不了`, `cmap subtable format ${format} cannot be read`);
    }
  }
}

/** Each character of a format 4 subtable, looked up as fontkit does, must give an existing glyph. */
function walkFormat4(view: DataView, at: number, segX2: number, end: number, numGlyphs: number, noGlyph: (cp: number) => FontError): void {
  for (let s = 0; s < segX2 / 2; s++) {
    const endCode = view.getUint16(at + 14 + 2 * s);
    const start = view.getUint16(at + 16 + segX2 + 2 * s);
    const delta = view.getInt16(at + 16 + 2 * segX2 + 2 * s);
    const rangeAt = at + 16 + 3 * segX2 + 2 * s;
    const range = view.getUint16(rangeAt);
    for (let cp = start; cp <= endCode && cp < 0xffff; cp++) {
      let gid = (cp + delta) & 0xffff;
      if (range !== 0) {
        const g = rangeAt + range + 2 * (cp - start);
        // Past the subtable's length fontkit reads nothing: the character is simply not in the font.
        gid = g + 2 > end ? 0 : view.getUint16(g);
        if (gid !== 0) gid = (gid + delta) & 0xffff;
      }
      if (gid >= numGlyphs) throw noGlyph(cp);
    }
  }
}
