/** Shared bits of the render tests: a stand-in face, a tiny layout builder, and PDF read-back tools. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FontFace, GlyphRun } from '../../src/typeset/types.js';

export const NOTO_SERIF = 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';
export const NOTO_SERIF_BLACK = 'node_modules/@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf';
export const NOTO_SANS_MEDIUM = 'node_modules/@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf';

/** A run with one glyph per character, on a fixed pitch (as the grid sets Han text). */
export function gridRun(face: FontFace, text: string, x: number, y: number, size = 16, pitch = 15.79): GlyphRun {
  const gids: number[] = [];
  const xs: number[] = [];
  const advances: number[] = [];
  const texts: string[] = [];
  let cx = x;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    gids.push(face.glyphId(cp));
    xs.push(cx);
    advances.push(face.advance(cp) * size);
    texts.push(ch);
    cx += pitch;
  }
  return { kind: 'run', font: face.key, size, y, gids, xs, advances, texts };
}

const made: string[] = [];

/** A fresh temp folder, removed by `cleanTemp` (call it in afterAll). */
export function tempDir(prefix = 'bulletin-render-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanTemp(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function tempPdf(bytes: Uint8Array, name = 'out.pdf'): string {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export interface StextChar {
  c: string;
  x: number;
  y: number;
  font: string;
  size: number;
}

/** Characters with their origin (x, baseline y; top-left page coordinates) as MuPDF reads them back. */
export function stextChars(pdf: string, page = 1): StextChar[] {
  const xml = run('mutool', ['draw', '-q', '-F', 'stext', '-o', '-', pdf, String(page)]);
  const chars: StextChar[] = [];
  let font = '';
  let size = 0;
  for (const line of xml.split('\n')) {
    const f = /<font name="([^"]*)" size="([^"]*)"/.exec(line);
    if (f) {
      font = f[1]!;
      size = Number(f[2]);
      continue;
    }
    if (!line.startsWith('<char ')) continue;
    // MuPDF 1.21 writes x="" y=""; newer versions write origin="x y".
    const attr = (name: string) => new RegExp(` ${name}="([^"]*)"`).exec(line)?.[1];
    const origin = attr('origin')?.split(' ');
    const x = Number(origin ? origin[0] : attr('x'));
    const y = Number(origin ? origin[1] : attr('y'));
    chars.push({ c: unescapeXml(attr('c') ?? ''), x, y, font, size });
  }
  return chars;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
