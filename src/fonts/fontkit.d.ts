/**
 * The part of fontkit 2 that bulletin uses (fontkit ships no types). Kept narrow on purpose: everything
 * outside src/fonts and src/render sees fonts only through `FontFace` (src/typeset/types.ts).
 */
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    name?: string;
  }

  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }

  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    advanceWidth: number;
  }

  export interface Font {
    type: string;
    postscriptName: string | null;
    fullName: string | null;
    familyName: string | null;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    numGlyphs: number;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    hhea: { ascent: number; descent: number; lineGap: number; numberOfMetrics: number };
    'OS/2'?: { typoAscender: number; typoDescender: number; fsSelection?: { useTypoMetrics?: boolean } };
    directory: { tables: Record<string, { tag: string; offset: number; length: number }> };
    stream: { buffer: Uint8Array };
    getName(key: string, lang?: string): string | null;
    glyphForCodePoint(cp: number): Glyph;
    hasGlyphForCodePoint(cp: number): boolean;
    getGlyph(gid: number, codePoints?: number[]): Glyph;
    layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun;
    createSubset(): unknown;
    /** Private in fontkit, but stable across 1.x–2.x: the cmap lookup without allocating a Glyph. */
    _cmapProcessor?: { lookup(cp: number): number };
  }

  export interface FontCollection {
    type: 'TTC' | 'DFont';
    fonts: Font[];
    getFont(postscriptName: string): Font | null;
  }

  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
  export function openSync(path: string, postscriptName?: string): Font | FontCollection;
}
