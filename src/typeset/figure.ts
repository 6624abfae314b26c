/**
 * A FigureBlock → one box unit: the photos side by side, centred in the type area, each caption centred under its
 * photo; the whole centred in the fewest grid lines that hold it with some room above and below, so the text
 * after it stays on the grid. It floats: when it does not fit, the text after it fills the page.
 */
import type { FigureBlock } from '../compose/doc.js';
import type { Grid } from '../compose/geometry.js';
import { EM_BOX_ASCENT } from './geometry.js';
import type { BoxUnit, Flow } from './lines.js';
import { setParagraph, type SetLine } from './paragraph.js';
import { placeRuns } from './place.js';
import { engineSpan } from './spans.js';
import type { AtomBuilder } from './text/atoms.js';
import type { MissingChar, PageItem } from './types.js';

/** At least this much room, pt, between a photo (or its caption) and the text above and below it. */
export const FIGURE_MARGIN = 6;

export function addFigure(flow: Flow, block: FigureBlock, grid: Grid, builder: AtomBuilder): void {
  flow.addBox(figureUnit(block, grid, builder));
}

export function figureUnit(block: FigureBlock, grid: Grid, builder: AtomBuilder): BoxUnit {
  const missing: MissingChar[] = [];
  const captions: SetLine[][] = block.photos.map((p) => {
    if (!p.caption) return [];
    const spec = { spans: p.caption.spans.map((s) => engineSpan(s, grid)), width: p.width, align: p.caption.align };
    const set = setParagraph(builder, spec);
    missing.push(...set.missing);
    return set.lines;
  });
  const heights = block.photos.map((p, i) => p.height + (captions[i]!.length ? block.captionGap + captions[i]!.length * block.captionLeading : 0));
  const tallest = Math.max(...block.photos.map((p) => p.height));
  const content = tallest + Math.max(...heights.map((h, i) => h - block.photos[i]!.height));
  const slots = Math.max(1, Math.ceil((content + 2 * FIGURE_MARGIN) / grid.linePitch - 1e-6));
  const top = (slots * grid.linePitch - content) / 2;
  const rowWidth = block.photos.reduce((w, p) => w + p.width, 0) + block.gap * (block.photos.length - 1);
  let x = grid.left + Math.max(0, (grid.width - rowWidth) / 2);
  const items: PageItem[] = [];
  block.photos.forEach((p, i) => {
    // Photos of different heights stand on one line, so their captions line up.
    const y = top + tallest - p.height;
    items.push({ kind: 'image', file: p.image.file, x, y, w: p.width, h: p.height });
    captions[i]!.forEach((line, k) => {
      const size = p.caption!.spans[0]!.size;
      const lineTop = y + p.height + block.captionGap + k * block.captionLeading;
      items.push(...placeRuns(line.runs, x, lineTop + (block.captionLeading - size) / 2 + EM_BOX_ASCENT * size));
    });
    x += p.width + block.gap;
  });
  return { slots, items, float: true, missing };
}
