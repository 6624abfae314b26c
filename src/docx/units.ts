/**
 * Word's units from the BulletinDoc's points: twips (1/20 pt) for lengths, half-points for sizes, eighths of a point
 * for borders, hex RGB for colours; and the grid's line and character pitch as Word can hold them.
 */
import type { Colour, Grid } from '../compose/doc.js';

export const twips = (pt: number): number => Math.round(pt * 20);

/** w:sz of a run: half-points. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** w:sz of a border: eighths of a point, at least the thinnest Word draws (¼ pt). */
export const borderEighths = (pt: number): number => Math.max(2, Math.round(pt * 8));

/**
 * One grid line in twips, rounded down so that the page's lines fit its type area: 225 mm / 22 = 28.99 pt gives 579
 * (28.95 pt), as Word's own 公文 templates hold it; 580 would put the 22nd line past the bottom margin.
 */
export const gridLineTwips = (grid: Grid): number => Math.floor(grid.linePitch * 20);

/**
 * Character spacing (w:spacing, twips) that puts a full-width character of `size` on the grid's pitch, rounded down so
 * that a line of `charsPerLine` characters fits the measure: 156 mm / 28 at 16 pt gives −5 (−0.25 pt), 28 × 15.75 pt
 * = 441 pt of a 442.2 pt measure; −4 would leave room for 27.
 */
export const gridSpacingTwips = (grid: Grid, size: number): number => Math.floor((grid.pitch - size) * 20);

/** Hex RGB as Word writes colours; CMYK by the plain formula (Word holds no CMYK). */
export function hexOf(c: Colour): string {
  let rgb: number[];
  if (c.space === 'rgb') rgb = [...c.values];
  else {
    const [C, M, Y, K] = c.values.map((v) => v / 100) as [number, number, number, number];
    rgb = [C, M, Y].map((v) => 255 * (1 - v) * (1 - K));
  }
  return rgb.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0').toUpperCase()).join('');
}

/**
 * The width of a short label (送：, 抄送：, "10.") in points, for hanging indents: Word measures nothing for us and
 * this writer knows no fonts, so a full-width character counts one em and anything in ASCII half of one.
 */
export function labelWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x80 ? size / 2 : size;
  return w;
}
