/**
 * Reads a TrueType font without its outlines. In a CJK font the glyf table is nearly all of the file (14 of the
 * 14.8 MB of Noto Serif SC), yet a bulletin uses about a thousand of its 30,000 glyphs, and layout needs none of
 * them: metrics come from cmap and hmtx. So the file is read into a buffer of its full size with every table but
 * glyf in place, and a glyph's outline is read when it is asked for (`ensureGlyphs`, before subsetting). Reading
 * 15 MB and collecting it afterwards was a tenth of a cold build.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const TRUETYPE = new Set([0x00010000, 0x74727565 /* 'true' */]);
/** Ranges closer than this are read in one go. */
const MERGE_GAP = 16 * 1024;

export interface SparseFont {
  bytes: Buffer;
  /** Reads the outlines of these glyphs (and the components of composite ones) if not read yet. */
  ensureGlyphs(gids: Iterable<number>, offsets: ArrayLike<number>): void;
}

/**
 * Opens `file` sparsely when it is a plain TrueType font with a glyf table; otherwise returns undefined and the
 * caller reads the file whole (collections, CFF fonts and anything unusual).
 */
export function openSparse(file: string): SparseFont | undefined {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < 12) return undefined;
    const head = Buffer.alloc(12);
    readSync(fd, head, 0, 12, 0);
    if (!TRUETYPE.has(head.readUInt32BE(0))) return undefined;
    const numTables = head.readUInt16BE(4);
    const dirSize = 12 + 16 * numTables;
    if (dirSize > size) return undefined;
    // Zero-filled and untouched pages cost nothing until written.
    const bytes = Buffer.alloc(size);
    readSync(fd, bytes, 0, dirSize, 0);
    let glyf: { offset: number; length: number } | undefined;
    const tables: { offset: number; length: number }[] = [];
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + 16 * i;
      const tag = bytes.toString('latin1', rec, rec + 4);
      const offset = bytes.readUInt32BE(rec + 8);
      const length = bytes.readUInt32BE(rec + 12);
      if (offset + length > size) return undefined; // damaged: let the whole-file path report it
      if (tag === 'glyf') glyf = { offset, length };
      else tables.push({ offset, length });
    }
    if (!glyf) return undefined;
    readRanges(fd, bytes, tables);
    return sparse(file, bytes, glyf.offset);
  } finally {
    closeSync(fd);
  }
}

function readRanges(fd: number, bytes: Buffer, ranges: { offset: number; length: number }[]): void {
  const sorted = ranges.filter((r) => r.length > 0).sort((a, b) => a.offset - b.offset);
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i]!.offset;
    let end = start + sorted[i]!.length;
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.offset <= end + MERGE_GAP) {
      end = Math.max(end, sorted[j]!.offset + sorted[j]!.length);
      j++;
    }
    let done = 0;
    while (done < end - start) {
      const n = readSync(fd, bytes, start + done, end - start - done, start + done);
      if (n <= 0) break;
      done += n;
    }
    i = j;
  }
}

function sparse(file: string, bytes: Buffer, glyfOffset: number): SparseFont {
  const loaded = new Set<number>();
  return {
    bytes,
    ensureGlyphs(gids, offsets) {
      let todo = [...gids].filter((g) => !loaded.has(g) && g >= 0 && g + 1 < offsets.length);
      while (todo.length) {
        const ranges = todo.map((g) => ({ offset: glyfOffset + offsets[g]!, length: offsets[g + 1]! - offsets[g]! }));
        const fd = openSync(file, 'r');
        try {
          readRanges(fd, bytes, ranges);
        } finally {
          closeSync(fd);
        }
        for (const g of todo) loaded.add(g);
        // Composite glyphs name their components; read those too.
        const next: number[] = [];
        for (const r of ranges) for (const c of components(bytes, r.offset, r.length)) if (!loaded.has(c) && c + 1 < offsets.length) next.push(c);
        todo = [...new Set(next)];
      }
    },
  };
}

/** Glyph ids of a composite glyph's components (OpenType glyf table, composite glyph description). */
export function components(bytes: Buffer, at: number, length: number): number[] {
  if (length < 10 || bytes.readInt16BE(at) >= 0) return [];
  const out: number[] = [];
  let p = at + 10;
  const end = at + length;
  for (;;) {
    if (p + 4 > end) break;
    const flags = bytes.readUInt16BE(p);
    out.push(bytes.readUInt16BE(p + 2));
    p += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) p += 2;
    else if (flags & 0x0040) p += 4;
    else if (flags & 0x0080) p += 8;
    if (!(flags & 0x0020)) break;
  }
  return out;
}
