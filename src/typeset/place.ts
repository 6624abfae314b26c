/** Line runs (x from the type area's left) → page runs (absolute x, baseline y). */
import type { LineRun } from './paragraph.js';
import type { GlyphRun, PageItem } from './types.js';

export function placeRuns(runs: LineRun[], left: number, y: number): GlyphRun[] {
  return runs.map((r) => {
    const g: GlyphRun = { kind: 'run', font: r.font, size: r.size, y, gids: r.gids, xs: r.xs.map((x) => x + left), advances: r.advances, texts: r.texts };
    if (r.colour) g.colour = r.colour;
    if (r.hscale !== undefined) g.hscale = r.hscale;
    if (r.bold) g.bold = true;
    return g;
  });
}

/** Page items moved down by `dy` (a box unit's items are drawn from the top of the line it lands on). */
export function shiftItems(items: PageItem[], dy: number): PageItem[] {
  return items.map((it) => (it.kind === 'rule' ? { ...it, y1: it.y1 + dy, y2: it.y2 + dy } : { ...it, y: it.y + dy }));
}
