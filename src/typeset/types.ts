/**
 * The boundary between layout and output. Layout knows fonts only through `FontFace` (metrics), and produces a
 * `Layout`: pages of positioned glyph runs, rules, link areas and anchors. The renderer draws exactly that.
 * Units: points; origin top-left of the page, y grows downward; a run's y is its baseline.
 */
import type { Colour, FontRole } from '../issue/model.js';

/** Colours and roles as the layout hands them to the renderer, which knows nothing of issues. */
export type { Colour, FontRole };

/** Metrics of one font face; everything in em (1 = the font size) unless said otherwise. */
export interface FontFace {
  /** Stable key used by runs to name their font (the renderer maps it back to the font file). */
  readonly key: string;
  /** PostScript name, for messages and metadata. */
  readonly name: string;
  /** Absolute path of the file (for --verbose and the PDF metadata). */
  readonly file: string;
  readonly ascent: number;
  /** Negative, below the baseline. */
  readonly descent: number;
  hasChar(cp: number): boolean;
  /** Glyph id of a code point (0 when missing), without shaping. */
  glyphId(cp: number): number;
  /** Advance of a code point's glyph, in em, without shaping (Han, kana, punctuation). */
  advance(cp: number): number;
  /** Shapes a run of Latin letters and digits (kerning, ligatures). */
  shape(text: string): ShapedRun;
  /** Extent of a code point's ink in em, from the glyph's origin, above the baseline positive (for — and ——). */
  glyphBounds(cp: number): GlyphBounds;
}

export interface GlyphBounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface ShapedRun {
  gids: number[];
  /** Advance of each glyph, em. */
  advances: number[];
  /** The source text each glyph stands for (a ligature holds several characters; a mark may hold ''). */
  texts: string[];
}

/** A role's fonts in fallback order: each character is set in the first face that has it. */
export interface FontChain {
  role: FontRole;
  faces: FontFace[];
}

export type Fonts = Record<FontRole, FontChain>;

export interface GlyphRun {
  kind: 'run';
  /** `FontFace.key` */
  font: string;
  size: number;
  colour?: Colour;
  /** Baseline. */
  y: number;
  gids: number[];
  /** Absolute x of each glyph's origin. */
  xs: number[];
  /** Natural advance of each glyph in pt (for measuring; the PDF records the font's own advance). */
  advances: number[];
  /** The text each glyph stands for, for the PDF's text layer (ToUnicode). */
  texts: string[];
  /** Horizontal scale in percent (100 = none), used to fit a long masthead name. */
  hscale?: number;
  /** Drawn bold: the outlines stroked as well as filled. */
  bold?: boolean;
}

export interface RuleBox {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width in pt. */
  width: number;
  colour: Colour;
}

/** A clickable area that jumps to an anchor. */
export interface LinkBox {
  kind: 'link';
  x: number;
  y: number;
  w: number;
  h: number;
  target: string;
}

/** A named destination (target of links and bookmarks). */
export interface Anchor {
  kind: 'anchor';
  name: string;
  x: number;
  y: number;
}

/** A photo, drawn into the box at its printed size; `file` names the image the build prepared for print. */
export interface ImageBox {
  kind: 'image';
  file: string;
  x: number;
  /** Top edge. */
  y: number;
  w: number;
  h: number;
}

export type PageItem = GlyphRun | RuleBox | LinkBox | Anchor | ImageBox;

export interface LayoutPage {
  items: PageItem[];
}

export interface OutlineNode {
  title: string;
  target: string;
  children: OutlineNode[];
}

/** A character that no font of its role's chain has. It is still placed (as .notdef) and reported. */
export interface MissingChar {
  char: string;
  codePoint: number;
  role: FontRole;
  /** Where the text came from, when the layout was told (see `TextSpan.ref`). */
  ref?: import('../issue/model.js').SourceRef;
  offset?: number;
}

export interface Layout {
  width: number;
  height: number;
  /** The faces the runs name (`GlyphRun.font` is a `FontFace.key`): what the renderer embeds. */
  fonts: FontFace[];
  pages: LayoutPage[];
  outline: OutlineNode[];
  missing: MissingChar[];
}
