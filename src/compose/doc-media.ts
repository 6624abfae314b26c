/**
 * The BulletinDoc's photo and table blocks (issue 14), kept beside doc.ts so that file stays the readable map of
 * the document; doc.ts re-exports them.
 */
import type { Colour, Paragraph } from './doc.js';

/**
 * One to three photos side by side, centred in the type area, each with its caption centred under it (issue 14).
 * Photo and captions together take a whole number of grid lines, so the text after them stays on the grid; never
 * split across pages. Sizes are the printed ones, pt.
 */
export interface FigureBlock {
  kind: 'figure';
  photos: FigurePhoto[];
  /** pt between photos of a row. */
  gap: number;
  /** pt from a photo's bottom edge to its caption's first line's top. */
  captionGap: number;
  /** pt from one caption line's top to the next's. */
  captionLeading: number;
}

export interface FigurePhoto {
  image: ImageRef;
  /** Printed size, pt. */
  width: number;
  height: number;
  /** Set in the photo's width, lines centred. */
  caption?: Paragraph;
}

/** An image file as the issue names it, with its upright size in pixels; the build prepares it for print. */
export interface ImageRef {
  /** Absolute path. */
  file: string;
  pixelWidth: number;
  pixelHeight: number;
}

/**
 * A ruled table as wide as the type area (issue 14): an optional title line above, a header row repeated at the top
 * of every page the table continues on, rows that each take a whole number of grid lines and are never split
 * (unless one alone is taller than a page).
 */
export interface TableBlock {
  kind: 'table';
  /** Centred on a grid line of its own above the table; goes with the first rows. */
  title?: Paragraph;
  header?: TableCell[];
  rows: TableCell[][];
  /** Width of each column, pt; they add up to the type width. */
  columns: number[];
  /** Ruling: stroke width pt and colour (every cell boxed). */
  rule: { width: number; colour: Colour };
  /** pt left and right of a cell's text. */
  padding: number;
  /** pt from one line of cell text to the next. */
  leading: number;
}

/** A cell: its text, broken in the column's width less the padding, with its alignment. */
export interface TableCell {
  paragraph: Paragraph;
}
