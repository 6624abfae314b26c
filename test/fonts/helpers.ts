import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const made: string[] = [];

/** A fresh temp folder, removed by `cleanTemp` (call it in afterAll). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanTemp(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export const NOTO_SERIF = resolve('node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
export const NOTO_SERIF_BLACK = resolve('node_modules/@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf');
export const NOTO_SANS_MEDIUM = resolve('node_modules/@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf');

/** Builds a TrueType collection (.ttc) from single fonts: tables are copied, their offsets made file-absolute. */
export function makeTtc(files: string[]): Buffer {
  const fonts = files.map((f) => readFileSync(f));
  const headerLen = 12 + 4 * fonts.length;
  const dirs = fonts.map((b) => 12 + 16 * b.readUInt16BE(4));
  let pos = headerLen + dirs.reduce((a, b) => a + b, 0);
  const parts: Buffer[] = [];
  const header = Buffer.alloc(headerLen);
  header.write('ttcf', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(fonts.length, 8);
  let dirPos = headerLen;
  const dirBufs: Buffer[] = [];
  const dataBufs: Buffer[] = [];
  fonts.forEach((b, i) => {
    header.writeUInt32BE(dirPos, 12 + 4 * i);
    const n = b.readUInt16BE(4);
    const dir = Buffer.from(b.subarray(0, 12 + 16 * n));
    for (let t = 0; t < n; t++) {
      const at = 12 + 16 * t;
      const off = b.readUInt32BE(at + 8);
      const len = b.readUInt32BE(at + 12);
      dir.writeUInt32BE(pos, at + 8);
      const padded = Buffer.alloc((len + 3) & ~3);
      b.copy(padded, 0, off, off + len);
      dataBufs.push(padded);
      pos += padded.length;
    }
    dirBufs.push(dir);
    dirPos += dir.length;
  });
  parts.push(header, ...dirBufs, ...dataBufs);
  return Buffer.concat(parts);
}
