/**
 * Reads only the `name` table of a font file (a few KB), so discovery can match faces by their family names
 * (仿宋, FangSong, …) without reading or parsing a 15 MB font. Handles .ttf/.otf and .ttc/.otc collections.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { TextDecoder } from 'node:util';

export interface FaceNames {
  /** Index of the face in a collection (0 for a single font). */
  index: number;
  postscriptName: string;
  /** Family, typographic family, full and PostScript names, in every language the file has. */
  names: string[];
  /** OS/2 usWeightClass (400 regular, 700 bold); absent when the file has no OS/2 table. */
  weight?: number;
}

const MAX_NAME_TABLE = 1 << 20;

function read(fd: number, pos: number, len: number): Buffer {
  const buf = Buffer.alloc(len);
  const n = readSync(fd, buf, 0, len, pos);
  return n === len ? buf : buf.subarray(0, n);
}

let gbk: TextDecoder | null | undefined;
function gbkDecoder(): TextDecoder | null {
  if (gbk === undefined) {
    try {
      gbk = new TextDecoder('gbk');
    } catch {
      gbk = null; // Node without full ICU
    }
  }
  return gbk;
}

function decode(platform: number, encoding: number, bytes: Buffer): string | null {
  if (platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10))) {
    let s = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes.readUInt16BE(i));
    return s;
  }
  // Older Chinese fonts (e.g. 仿宋_GB2312) store names as GBK, on Windows as 16-bit units with a zero high byte
  // for single-byte characters.
  if ((platform === 3 && encoding === 3) || (platform === 1 && encoding === 25)) {
    const dec = gbkDecoder();
    if (!dec) return null;
    const raw: number[] = [];
    if (platform === 3) {
      for (let i = 0; i + 1 < bytes.length; i += 2) {
        if (bytes[i] !== 0) raw.push(bytes[i]!);
        raw.push(bytes[i + 1]!);
      }
    } else raw.push(...bytes);
    return dec.decode(Uint8Array.from(raw));
  }
  if (platform === 1 && encoding === 0) return bytes.toString('latin1');
  return null;
}

function faceAt(fd: number, offset: number, index: number): FaceNames | null {
  const head = read(fd, offset, 12);
  if (head.length < 12) return null;
  const numTables = head.readUInt16BE(4);
  if (numTables === 0 || numTables > 512) return null;
  const dir = read(fd, offset + 12, numTables * 16);
  let nameOff = -1;
  let nameLen = 0;
  let os2Off = -1;
  for (let i = 0; i + 16 <= dir.length; i += 16) {
    const tag = dir.toString('latin1', i, i + 4);
    if (tag === 'name') {
      nameOff = dir.readUInt32BE(i + 8);
      nameLen = dir.readUInt32BE(i + 12);
    } else if (tag === 'OS/2') os2Off = dir.readUInt32BE(i + 8);
  }
  if (nameOff < 0 || nameLen < 6) return null;
  const t = read(fd, nameOff, Math.min(nameLen, MAX_NAME_TABLE));
  if (t.length < 6) return null;
  const count = t.readUInt16BE(2);
  const strings = t.readUInt16BE(4);
  const names = new Set<string>();
  let ps = '';
  for (let r = 0; r < count; r++) {
    const at = 6 + r * 12;
    if (at + 12 > t.length) break;
    const platform = t.readUInt16BE(at);
    const encoding = t.readUInt16BE(at + 2);
    const nameId = t.readUInt16BE(at + 6);
    // 1 family, 4 full name, 6 PostScript name, 16 typographic family, 21 WWS family.
    if (nameId !== 1 && nameId !== 4 && nameId !== 6 && nameId !== 16 && nameId !== 21) continue;
    const len = t.readUInt16BE(at + 8);
    const off = strings + t.readUInt16BE(at + 10);
    if (off + len > t.length) continue;
    const s = decode(platform, encoding, t.subarray(off, off + len))?.replace(/\0/g, '').trim();
    if (!s) continue;
    names.add(s);
    if (nameId === 6 && (!ps || platform === 3)) ps = s;
  }
  const face: FaceNames = { index, postscriptName: ps, names: [...names] };
  if (os2Off >= 0) {
    const w = read(fd, os2Off + 4, 2);
    if (w.length === 2) face.weight = w.readUInt16BE(0);
  }
  return face;
}

/**
 * The faces of a font file with their names, or null when the file is not a TrueType/OpenType font or collection
 * (or cannot be read). Never throws.
 */
export function readFaceNames(file: string): FaceNames[] | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const head = read(fd, 0, 12);
    if (head.length < 12) return null;
    const tag = head.toString('latin1', 0, 4);
    if (tag === 'ttcf') {
      const n = head.readUInt32BE(8);
      if (n === 0 || n > 256) return null;
      const offs = read(fd, 12, n * 4);
      const faces: FaceNames[] = [];
      for (let i = 0; i + 4 <= offs.length; i += 4) {
        const f = faceAt(fd, offs.readUInt32BE(i), i / 4);
        if (f) faces.push(f);
      }
      return faces.length > 0 ? faces : null;
    }
    const version = head.readUInt32BE(0);
    if (version !== 0x00010000 && tag !== 'OTTO' && tag !== 'true') return null;
    const f = faceAt(fd, 0, 0);
    return f ? [f] : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Name comparison that ignores case, spaces, hyphens and underscores: "FangSong_GB2312" = "fangsong gb2312". */
export function normaliseName(s: string): string {
  return s.toLowerCase().replace(/[\s_\-]+/g, '');
}
