/**
 * The process-wide font cache: each font file is read once, and each face (file + PostScript name) is parsed
 * once with fontkit. Opening one file under two names makes pdfkit re-parse it on every use (typesetting.md §5),
 * so every consumer (metrics, coverage, the PDF renderer) goes through here and shares the same `Font` object.
 * This cache is the font code's global state; the lazy faces (roles.ts) and the subset memo (subset.ts) hang off it
 * and are dropped with it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font, FontCollection } from 'fontkit';
import { FontError } from './errors.js';
import { openSparse, type SparseFont } from './sparse.js';

export interface LoadedFont {
  font: Font;
  /** Absolute path. */
  file: string;
  postscriptName: string;
}

const bytesByFile = new Map<string, Uint8Array>();
/** Files read without their outlines; a font's glyphs are read through this before anything decodes them. */
const sparseByFile = new Map<string, SparseFont>();
const sparseByFont = new WeakMap<Font, SparseFont>();
/** The bytes each face was parsed from (for a collection, the whole file: its table offsets are file-absolute). */
const bytesByFont = new WeakMap<Font, Uint8Array>();
const fontsByKey = new Map<string, LoadedFont>();
let fileReads = 0;
/** Counts clears, so that what other modules derived from the cache (lazy faces) is dropped with it. */
let generation = 0;
export const fontCacheGeneration = (): number => generation;
let parses = 0;

/** How many files were read and faces parsed so far (for tests and --verbose timings). */
export function fontCacheStats(): { fileReads: number; parses: number } {
  return { fileReads, parses };
}

function isCollection(x: Font | FontCollection): x is FontCollection {
  return x.type === 'TTC' || x.type === 'DFont';
}

function readBytes(file: string): Uint8Array {
  let bytes = bytesByFile.get(file);
  if (bytes) return bytes;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new FontError(
      'font-unreadable',
      file,
      {
        zh: `无法读取字体文件 ${file}（${code || String(e)}）`,
        en: `cannot read font file ${file} (${code || String(e)})`,
      },
      { cause: e },
    );
  }
  fileReads++;
  bytesByFile.set(file, bytes);
  return bytes;
}

function corrupt(file: string, why: string, cause?: unknown): FontError {
  return new FontError(
    'font-corrupt',
    file,
    { zh: `不是可用的字体文件，或文件已损坏：${file}（${why}）`, en: `not a usable font file, or the file is damaged: ${file} (${why})` },
    cause === undefined ? undefined : { cause },
  );
}

/** Fails early (at open, not in the middle of a build) on truncated or damaged files. */
function validate(font: Font, bytes: Uint8Array, file: string): void {
  let tables: Record<string, { offset: number; length: number }>;
  try {
    tables = font.directory.tables;
  } catch (e) {
    throw corrupt(file, 'table directory', e);
  }
  for (const tag of ['cmap', 'head', 'hhea', 'hmtx', 'maxp']) {
    const t = tables[tag];
    if (!t) throw corrupt(file, `no ${tag} table`);
  }
  if (!tables.glyf && !tables['CFF '] && !tables.CFF2) throw corrupt(file, 'no glyf or CFF outlines');
  for (const [tag, t] of Object.entries(tables)) {
    if (t.offset + t.length > bytes.length) throw corrupt(file, `table ${tag.trim()} runs past the end of the file`);
  }
  try {
    if (!(font.unitsPerEm > 0)) throw new Error('unitsPerEm');
    void font.hhea.numberOfMetrics;
    void font.numGlyphs;
    font.hasGlyphForCodePoint(0x4e00);
  } catch (e) {
    throw corrupt(file, e instanceof Error ? e.message : String(e), e);
  }
}

/** The file's bytes, outlines left out when the file allows it (see sparse.ts). */
function readForParse(file: string): Uint8Array {
  const known = bytesByFile.get(file);
  if (known) return known;
  let sp: SparseFont | undefined;
  try {
    sp = openSparse(file);
  } catch {
    sp = undefined; // the whole-file read below reports what is wrong
  }
  if (!sp) return readBytes(file);
  fileReads++;
  sparseByFile.set(file, sp);
  bytesByFile.set(file, sp.bytes);
  return sp.bytes;
}

/**
 * Reads the outlines of these glyphs of `font` if its file was opened without them. Call it before anything
 * decodes a glyph's outline (subsetting, bounding boxes); metrics and cmap need nothing.
 */
export function ensureGlyphs(font: Font, gids: Iterable<number>): void {
  const sp = sparseByFont.get(font);
  if (!sp) return;
  const offsets = (font as unknown as { loca: { offsets: ArrayLike<number> } }).loca.offsets;
  sp.ensureGlyphs([0, ...gids], offsets);
}

/**
 * The bytes `font` was parsed from, if it was opened here; table offsets (`font.directory.tables`) index into
 * them. When the file was opened sparsely, a glyph's outline bytes are there only after `ensureGlyphs`.
 */
export function fontBytes(font: Font): Uint8Array | undefined {
  return bytesByFont.get(font);
}

function parse(file: string, postscriptName: string | undefined): LoadedFont {
  const bytes = readForParse(file);
  let created: Font | FontCollection;
  try {
    // A plain .ttf must not get a second argument (fontkit would look for a variation of that name).
    created = fontkit.create(bytes);
  } catch (e) {
    throw corrupt(file, e instanceof Error ? e.message : String(e), e);
  }
  parses++;
  let font: Font | null;
  if (isCollection(created)) {
    if (postscriptName) {
      font = created.getFont(postscriptName);
      if (!font) {
        const names = created.fonts.map((f) => f.postscriptName).join(', ');
        throw new FontError('font-face-not-found', file, {
          zh: `字体集 ${file} 中没有 PostScript 名为 ${postscriptName} 的字体（有：${names}）`,
          en: `font collection ${file} has no face named ${postscriptName} (it has: ${names})`,
        });
      }
    } else {
      font = created.fonts[0] ?? null;
      if (!font) throw corrupt(file, 'empty collection');
    }
  } else {
    font = created;
  }
  validate(font, bytes, file);
  bytesByFont.set(font, bytes);
  const sp = sparseByFile.get(file);
  if (sp) sparseByFont.set(font, sp);
  return { font, file, postscriptName: font.postscriptName ?? postscriptName ?? '' };
}

/**
 * The parsed face of `file` (absolute or relative to the working directory). For a collection, `postscriptName`
 * picks the face (default: the first); for a single font it is ignored. Same arguments → the same object.
 */
export function openFont(file: string, postscriptName?: string): LoadedFont {
  const abs = resolve(file);
  const key = `${abs}\u0000${postscriptName ?? ''}`;
  let loaded = fontsByKey.get(key);
  if (loaded) return loaded;
  loaded = parse(abs, postscriptName);
  // Also file it under its real name, so asking with or without the name gives the same object.
  const canonical = `${abs}\u0000${loaded.postscriptName}`;
  const existing = fontsByKey.get(canonical);
  if (existing) loaded = existing;
  else fontsByKey.set(canonical, loaded);
  fontsByKey.set(key, loaded);
  return loaded;
}

/** Forgets everything (tests; a long-running watcher after fonts change on disk). */
export function clearFontCache(): void {
  generation++;
  bytesByFile.clear();
  sparseByFile.clear();
  fontsByKey.clear();
  fileReads = 0;
  parses = 0;
}
