/**
 * The raw-glyf TrueType subsetter (src/fonts/subset.ts): the file it writes parses with fontkit and draws the same
 * glyphs as the original, composite glyphs bring their components under new ids, the container is well formed,
 * output is deterministic, and the reference issue built with it matches the one built with fontkit's subsetter.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflatedStreams } from '../fixtures/pdf-streams.js';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildIssue } from '../../src/pipeline/build-issue.js';
import { ensureGlyphs, fontBytes, openFont } from '../../src/fonts/cache.js';
import { canSubsetGlyf, clearSubsetMemo, GlyfSubset, sfnt } from '../../src/fonts/subset.js';

/** A raw table as `sfnt` takes it. */
function rawTable(tag: string, bytes: Uint8Array): { tag: string; length: number; write(out: Buffer, at: number): void } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { tag, length: b.length, write: (out, at) => void b.copy(out, at) };
}
import { pdffonts, pdftotext, reference, suiteDir } from '../pipeline/helpers.js';
import { NOTO_SANS_MEDIUM, NOTO_SERIF } from './helpers.js';

// The renderer takes its subsetter from createGlyfSubset; the end-to-end test switches it off to build the
// "before" file with fontkit's TTFSubset, and counts how often it is used.
const toggle = vi.hoisted(() => ({ fast: true, made: 0 }));
vi.mock('../../src/fonts/subset.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/fonts/subset.js')>();
  return {
    ...real,
    createGlyfSubset: (font: Font) => {
      if (!toggle.fast) return undefined;
      const s = real.createGlyfSubset(font);
      if (s) toggle.made++;
      return s;
    },
  };
});

type Table = { offset: number; length: number };
interface Internal {
  directory: { tables: Record<string, Table> };
  loca: { offsets: number[] };
  hhea: { numberOfMetrics: number };
  head: { indexToLocFormat: number };
  maxp: { numGlyphs: number };
}
const internal = (f: Font) => f as unknown as Internal;
const parse = (b: Uint8Array) => fontkit.create(b) as Font;
const bearing = (f: Font, gid: number) => (f.getGlyph(gid) as unknown as { _getMetrics(): { leftBearing: number } })._getMetrics().leftBearing;

function gidsOf(font: Font, text: string): number[] {
  return [...text].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
}

function expectSameGlyphs(orig: Font, sub: Font, glyphs: number[]): void {
  glyphs.forEach((gid, sid) => {
    const a = orig.getGlyph(gid);
    const b = sub.getGlyph(sid);
    expect(b.advanceWidth, `advance of ${gid}`).toBe(a.advanceWidth);
    expect(bearing(sub, sid), `lsb of ${gid}`).toBe(bearing(orig, gid));
    expect((b as unknown as { path: { toSVG(): string } }).path.toSVG(), `outline of ${gid}`).toBe(
      (a as unknown as { path: { toSVG(): string } }).path.toSVG(),
    );
  });
}

/** Checks the sfnt container: sorted directory, search fields, table checksums, head.checkSumAdjustment. */
function expectWellFormed(buf: Buffer): string[] {
  expect(buf.readUInt32BE(0)).toBe(0x00010000);
  const n = buf.readUInt16BE(4);
  const pow = 2 ** Math.floor(Math.log2(n));
  expect([buf.readUInt16BE(6), buf.readUInt16BE(8), buf.readUInt16BE(10)]).toEqual([pow * 16, Math.log2(pow), n * 16 - pow * 16]);
  const sum = (from: number, len: number) => {
    let s = 0;
    for (let p = from; p < from + len; p += 4) s = (s + (p + 4 <= buf.length ? buf.readUInt32BE(p) : 0)) >>> 0;
    return s;
  };
  const tags: string[] = [];
  for (let i = 0; i < n; i++) {
    const rec = 12 + 16 * i;
    const tag = buf.toString('latin1', rec, rec + 4);
    const off = buf.readUInt32BE(rec + 8);
    const len = buf.readUInt32BE(rec + 12);
    tags.push(tag);
    expect(off % 4, tag).toBe(0);
    expect(off + len).toBeLessThanOrEqual(buf.length);
    let expected = sum(off, len);
    if (tag === 'head') expected = (expected - buf.readUInt32BE(off + 8)) >>> 0; // computed with checkSumAdjustment 0
    expect(buf.readUInt32BE(rec + 4), `checksum of ${tag}`).toBe(expected);
  }
  expect(tags).toEqual(tags.slice().sort());
  expect(sum(0, buf.length)).toBe(0xb1b0afba);
  return tags;
}

describe('raw-glyf subsetter on Noto Serif SC', () => {
  const text = '姑苏信息动态摘报，。';
  let font: Font;
  let gids: number[];

  beforeAll(() => {
    font = openFont(NOTO_SERIF).font; // opened sparsely: outlines are read by ensureGlyphs
    gids = gidsOf(font, text);
    ensureGlyphs(font, gids);
    clearSubsetMemo();
  });

  it('assigns subset ids in first-use order, .notdef first, like fontkit', () => {
    const ours = new GlyfSubset(font);
    const theirs = font.createSubset() as { includeGlyph(g: number): number };
    const order = [gids[3]!, gids[0]!, gids[3]!, 0, gids[1]!];
    expect(order.map((g) => ours.includeGlyph(g))).toEqual(order.map((g) => theirs.includeGlyph(g)));
    expect(ours.includeGlyph(0)).toBe(0);
    expect(ours.cff).toBeNull(); // pdfkit embeds it as FontFile2
    expect(canSubsetGlyf(font)).toBe(true);
    expect(fontBytes(font)).toBeDefined();
  });

  it('writes a font fontkit reads, with the same outlines, advances and bearings', () => {
    const s = new GlyfSubset(font);
    for (const g of gids) s.includeGlyph(g);
    const buf = s.encode();
    const sub = parse(buf);
    const unique = [0, ...new Set(gids)];
    expect(sub.numGlyphs).toBe(unique.length);
    expect(internal(sub).maxp.numGlyphs).toBe(unique.length);
    expect(s.glyphs).toEqual(unique);
    expectSameGlyphs(font, sub, s.glyphs);
    expect(sub.unitsPerEm).toBe(font.unitsPerEm);
    // A small subset fits the short loca format, and head says so.
    expect(internal(sub).head.indexToLocFormat).toBe(0);
    const tags = expectWellFormed(buf);
    expect(tags).toEqual(['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep']);
    // Hinting tables are copied as they are.
    const t = internal(font).directory.tables.prep!;
    const u = internal(sub).directory.tables.prep!;
    expect(Buffer.from(buf.subarray(u.offset, u.offset + u.length)).equals(Buffer.from(fontBytes(font)!.subarray(t.offset, t.offset + t.length)))).toBe(true);
    // Not bigger than fontkit's (same tables, same glyph bytes).
    const fk = font.createSubset() as { includeGlyph(g: number): number; encode(): Uint8Array };
    for (const g of gids) fk.includeGlyph(g);
    expect(buf.length).toBeLessThanOrEqual(fk.encode().length + 4 * unique.length);
  });

  it('switches to the long loca format when the glyph data needs it', () => {
    const sans = openFont(NOTO_SANS_MEDIUM).font;
    const many: number[] = [];
    for (let cp = 0x4e00; many.length < 600; cp += 3) {
      const g = sans.glyphForCodePoint(cp).id;
      if (g) many.push(g);
    }
    ensureGlyphs(sans, many);
    const s = new GlyfSubset(sans);
    for (const g of many) s.includeGlyph(g);
    const buf = s.encode();
    const sub = parse(buf);
    expect(internal(sub).head.indexToLocFormat).toBe(1);
    expect(sub.numGlyphs).toBe(s.glyphs.length);
    expectWellFormed(buf);
    const svg = (f: Font, gid: number) => (f.getGlyph(gid) as unknown as { path: { toSVG(): string } }).path.toSVG();
    for (const [sid, gid] of s.glyphs.entries()) {
      if (sid % 25 !== 0 && sid !== s.glyphs.length - 1) continue;
      expect(sub.getGlyph(sid).advanceWidth).toBe(sans.getGlyph(gid).advanceWidth);
      expect(svg(sub, sid)).toBe(svg(sans, gid));
    }
  });

  it('is deterministic, and memoizes by font and ordered glyph list', () => {
    const make = (list: number[]) => {
      const s = new GlyfSubset(font);
      for (const g of list) s.includeGlyph(g);
      return s.encode();
    };
    clearSubsetMemo();
    const a = make(gids);
    clearSubsetMemo();
    const b = make(gids);
    expect(a.equals(b)).toBe(true);
    expect(make(gids)).toBe(b); // the same Buffer: a memo hit
    const reordered = make([...gids].reverse());
    expect(reordered).not.toBe(b);
    expect(reordered.equals(b)).toBe(false);
  });
});

/* ---- composite glyphs, on a synthetic font built from Noto outlines ---- */

const F = { WORDS: 0x0001, XY: 0x0002, SCALE: 0x0008, MORE: 0x0020, XY_SCALE: 0x0040, TWO_BY_TWO: 0x0080, INSTR: 0x0100 };

function compositeGlyph(bbox: [number, number, number, number], parts: { flags: number; gid: number; args: number[]; scale: number[] }[], instructions?: number[]): Buffer {
  const chunks: Buffer[] = [];
  const head = Buffer.alloc(10);
  head.writeInt16BE(-1, 0);
  bbox.forEach((v, i) => head.writeInt16BE(v, 2 + 2 * i));
  chunks.push(head);
  for (const p of parts) {
    const words = p.flags & F.WORDS;
    const b = Buffer.alloc(4 + (words ? 4 : 2) + 2 * p.scale.length);
    b.writeUInt16BE(p.flags, 0);
    b.writeUInt16BE(p.gid, 2);
    let at = 4;
    for (const a of p.args) {
      if (words) (b.writeInt16BE(a, at), (at += 2));
      else (b.writeInt8(a, at), (at += 1));
    }
    for (const s of p.scale) (b.writeInt16BE(Math.round(s * 16384), at), (at += 2));
    chunks.push(b);
  }
  if (instructions) {
    const b = Buffer.alloc(2 + instructions.length);
    b.writeUInt16BE(instructions.length, 0);
    instructions.forEach((x, i) => (b[2 + i] = x));
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/**
 * A TrueType font of glyphs 0..3 taken from Noto Serif SC (.notdef and three Han glyphs), then
 * 4: composite of 1 (word args, one scale), 2 (byte args, x/y scale), 3 (2×2 matrix, instructions after it);
 * 5: composite of 4 (nested) and 1; 6: a simple glyph nobody uses.
 */
function syntheticFont(): { bytes: Buffer; base: Font; baseGids: number[] } {
  const base = openFont(NOTO_SERIF).font;
  const baseGids = [0, ...gidsOf(base, '中国人'), gidsOf(base, '文')[0]!];
  ensureGlyphs(base, baseGids);
  const src = Buffer.from(fontBytes(base)!);
  const t = internal(base).directory.tables;
  const loca = internal(base).loca.offsets;
  const raw = (tag: string) => Buffer.from(src.subarray(t[tag]!.offset, t[tag]!.offset + t[tag]!.length));
  const glyf = raw('glyf');
  const simple = (gid: number) => glyf.subarray(loca[gid]!, loca[gid + 1]!);
  const glyphs: Buffer[] = [
    simple(baseGids[0]!),
    simple(baseGids[1]!),
    simple(baseGids[2]!),
    simple(baseGids[3]!),
    compositeGlyph(
      [0, -100, 1000, 900],
      [
        { flags: F.WORDS | F.XY | F.SCALE | F.MORE, gid: 1, args: [-300, 40], scale: [0.5] },
        { flags: F.XY | F.XY_SCALE | F.MORE, gid: 2, args: [100, -20], scale: [0.5, 0.75] },
        { flags: F.WORDS | F.XY | F.TWO_BY_TWO | F.INSTR, gid: 3, args: [400, 0], scale: [0.5, 0.25, 0, 0.5] },
      ],
      [0xb0, 0x01, 0x2f],
    ),
    compositeGlyph([0, 0, 1000, 900], [
      { flags: F.WORDS | F.XY | F.MORE, gid: 4, args: [10, 500], scale: [] },
      { flags: F.XY, gid: 1, args: [0, 0], scale: [] },
    ]),
    simple(baseGids[4]!),
  ];
  const padded = glyphs.map((g) => Buffer.concat([g, Buffer.alloc(((g.length + 3) & ~3) - g.length)]));
  const locaBuf = Buffer.alloc(4 * (padded.length + 1));
  let off = 0;
  padded.forEach((g, i) => {
    locaBuf.writeUInt32BE(off, 4 * i);
    off += g.length;
  });
  locaBuf.writeUInt32BE(off, 4 * padded.length);
  const n = padded.length;
  const hmtx = Buffer.alloc(4 * n);
  for (let i = 0; i < n; i++) {
    hmtx.writeUInt16BE(i === 0 ? 500 : 1000, 4 * i);
    hmtx.writeInt16BE(i * 7, 4 * i + 2);
  }
  const head = raw('head');
  head.writeInt16BE(1, 50);
  const hhea = raw('hhea');
  hhea.writeUInt16BE(n, 34);
  const maxp = raw('maxp');
  maxp.writeUInt16BE(n, 4);
  const bytes = sfnt([
    rawTable('head', head),
    rawTable('hhea', hhea),
    rawTable('maxp', maxp),
    rawTable('hmtx', hmtx),
    rawTable('loca', locaBuf),
    rawTable('glyf', Buffer.concat(padded)),
    rawTable('cvt ', Buffer.from([0, 1, 0, 2])),
    rawTable('fpgm', Buffer.from([0xb0, 0x00])),
  ]);
  return { bytes, base, baseGids };
}

describe('raw-glyf subsetter: composite glyphs', () => {
  let bytes: Buffer;
  let font: Font;

  beforeAll(() => {
    ({ bytes } = syntheticFont());
    font = parse(bytes); // not through the cache: the subsetter reads the font's own buffer
    clearSubsetMemo();
  });

  it('the synthetic font is what the test means (fontkit sees the composites)', () => {
    expectWellFormed(bytes);
    expect(font.numGlyphs).toBe(7);
    const comps = (gid: number) =>
      (font.getGlyph(gid) as unknown as { _decode(): { numberOfContours: number; components: { glyphID: number }[] } })._decode().components.map((c) => c.glyphID);
    expect(comps(4)).toEqual([1, 2, 3]);
    expect(comps(5)).toEqual([4, 1]);
  });

  it('includes the components (nested too) with the ids fontkit gives, and rewrites them', () => {
    const ours = new GlyfSubset(font);
    const theirs = font.createSubset() as { glyphs: number[]; includeGlyph(g: number): number; encode(): Uint8Array };
    for (const s of [ours, theirs]) s.includeGlyph(5);
    const buf = ours.encode();
    theirs.encode();
    expect(ours.glyphs).toEqual([0, 5, 4, 1, 2, 3]);
    expect(ours.glyphs).toEqual(theirs.glyphs);
    const sub = parse(buf);
    expect(sub.numGlyphs).toBe(6);
    expectSameGlyphs(font, sub, ours.glyphs);
    const comps = (f: Font, gid: number) =>
      (f.getGlyph(gid) as unknown as { _decode(): { components: { glyphID: number }[] } })._decode().components.map((c) => c.glyphID);
    expect(comps(sub, 1)).toEqual([2, 3]); // 5 = 4 + 1  →  1 = 2 + 3
    expect(comps(sub, 2)).toEqual([3, 4, 5]); // 4 = 1 + 2 + 3
    // Only the glyph ids change: flags, arguments, scales and instructions are the original bytes.
    const tags = expectWellFormed(buf);
    expect(tags).toEqual(['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']);
    const glyfOf = (f: Font, b: Uint8Array, gid: number) => {
      const t = internal(f).directory.tables.glyf!;
      const l = internal(f).loca.offsets;
      return Buffer.from(b.subarray(t.offset + l[gid]!, t.offset + l[gid + 1]!));
    };
    const before = glyfOf(font, bytes, 4);
    const after = glyfOf(sub, buf, 2);
    expect(after.length).toBe((before.length + 3) & ~3);
    const diff: number[] = [];
    for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) diff.push(i);
    // glyph index words at 12..13, 22..23, 32..33 (the low bytes differ: 1→3, 2→4, 3→5)
    expect(diff).toEqual([13, 23, 33]);
  });

  it('a component already in the subset keeps its id', () => {
    const s = new GlyfSubset(font);
    expect(s.includeGlyph(2)).toBe(1);
    expect(s.includeGlyph(4)).toBe(2);
    parse(s.encode());
    expect(s.glyphs).toEqual([0, 2, 4, 1, 3]);
  });

  it('leaves CFF and variation instances to fontkit', () => {
    const tables = { glyf: {}, loca: {}, head: {}, hhea: {}, hmtx: {}, maxp: {} };
    expect(canSubsetGlyf({ directory: { tables: { ...tables, 'CFF ': {} } }, stream: { buffer: bytes } } as unknown as Font)).toBe(false);
    expect(canSubsetGlyf({ directory: { tables }, variationCoords: [1], stream: { buffer: bytes } } as unknown as Font)).toBe(false);
    expect(canSubsetGlyf(font)).toBe(true);
  });
});

/* ---- end to end: the reference issue, before (fontkit's TTFSubset) and after ---- */

function tool(cmd: string, args: string[]): { stdout: Buffer; stderr: string } {
  const r = spawnSync(cmd, args, { maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr.toString() };
}

/** The font programs embedded in a PDF (streams that inflate to a TrueType file). */
function embeddedFonts(pdf: Buffer): Buffer[] {
  return inflatedStreams(pdf).filter((b) => b.length > 12 && b.readUInt32BE(0) === 0x00010000);
}

describe('raw-glyf subsetter: the reference issue', () => {
  let tmp: ReturnType<typeof suiteDir>;
  let before: string;
  let after: string;

  beforeAll(async () => {
    tmp = suiteDir();
    before = path.join(tmp.dir, 'before.pdf');
    after = path.join(tmp.dir, 'after.pdf');
    toggle.fast = false;
    toggle.made = 0;
    expect((await buildIssue(reference, { output: before, env: {} })).ok).toBe(true);
    expect(toggle.made).toBe(0);
    toggle.fast = true;
    clearSubsetMemo();
    expect((await buildIssue(reference, { output: after, env: {} })).ok).toBe(true);
    expect(toggle.made).toBeGreaterThanOrEqual(3);
  });

  afterAll(() => tmp?.remove());

  it('embeds every font as a subset, and the text reads the same', () => {
    const fonts = pdffonts(after);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of fonts) expect([f.type, f.emb, f.sub, f.uni], f.name).toEqual(['CID TrueType', 'yes', 'yes', 'yes']);
    expect(fonts.map((f) => f.name)).toEqual(pdffonts(before).map((f) => f.name));
    expect(pdftotext(after)).toBe(pdftotext(before));
  });

  it('the embedded font programs are well-formed TrueType files', () => {
    const programs = embeddedFonts(readFileSync(after));
    expect(programs.length).toBe(pdffonts(after).length);
    for (const p of programs) {
      expectWellFormed(p);
      const f = parse(p);
      expect(f.numGlyphs).toBeGreaterThan(1);
      expect(f.getGlyph(f.numGlyphs - 1).advanceWidth).toBeGreaterThan(0);
    }
  });

  it('renders with mutool without errors, and page 1 looks the same as before', () => {
    const { stderr } = tool('mutool', ['draw', '-o', path.join(tmp.dir, 'm-%d.png'), after]);
    expect(stderr).not.toMatch(/error/i);
    const ppm = (pdf: string) => tool('pdftoppm', ['-r', '100', '-f', '1', '-l', '1', pdf]).stdout;
    const a = ppm(before);
    const b = ppm(after);
    expect(b.length).toBe(a.length);
    let differ = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ++;
    expect(differ / a.length).toBeLessThan(0.001);
  });

  it('two builds are byte-identical (memo hit or not)', async () => {
    const again = path.join(tmp.dir, 'again.pdf');
    expect((await buildIssue(reference, { output: again, env: {} })).ok).toBe(true);
    expect(readFileSync(again).equals(readFileSync(after))).toBe(true);
  });
});
