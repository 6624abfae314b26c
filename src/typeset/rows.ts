/**
 * Bands of rows on grid lines: the masthead at the top of the first page, the footer at the foot of the last one.
 * Rows are set once (so the band knows how many grid lines it takes) and drawn from any grid line.
 */
import type { BannerRow, PairRow, Row, RuleRow, TextRow } from '../compose/doc.js';
import type { Grid } from '../compose/geometry.js';
import { EM_BOX_ASCENT, gridBaseline } from './geometry.js';
import { naturalWidth, setParagraph, type SetLine } from './paragraph.js';
import { placeRuns } from './place.js';
import { engineSpan, lineSize, paragraphSpec } from './spans.js';
import type { AtomBuilder } from './text/atoms.js';
import type { GlyphRun, MissingChar, PageItem } from './types.js';

export interface Band {
  /** Grid lines it takes. */
  slots: number;
  missing: MissingChar[];
  /** Its items with its first row on grid line `first`. */
  draw(first: number): PageItem[];
}

interface SetRow {
  lines: number;
  draw(slot: number, items: PageItem[]): void;
}

interface Ctx {
  grid: Grid;
  builder: AtomBuilder;
  missing: MissingChar[];
}

export function setBand(rows: Row[], grid: Grid, builder: AtomBuilder): Band {
  const ctx: Ctx = { grid, builder, missing: [] };
  const set = rows.map((row) => setRow(row, ctx));
  return {
    slots: set.reduce((n, r) => n + r.lines, 0),
    missing: ctx.missing,
    draw(first) {
      const items: PageItem[] = [];
      let slot = first;
      for (const r of set) {
        r.draw(slot, items);
        slot += r.lines;
      }
      return items;
    },
  };
}

function setRow(row: Row, ctx: Ctx): SetRow {
  switch (row.kind) {
    case 'text':
      return textRow(row, ctx);
    case 'banner':
      return bannerRow(row, ctx);
    case 'pair':
      return pairRow(row, ctx);
    case 'rule':
      return ruleRow(row, ctx);
  }
}

interface Lines {
  lines: SetLine[];
  size: number;
}

function setLines(p: TextRow['paragraph'], ctx: Ctx): Lines {
  const set = setParagraph(ctx.builder, paragraphSpec(p, ctx.grid, ctx.builder));
  ctx.missing.push(...set.missing);
  return { lines: set.lines, size: lineSize(p) };
}

function drawLines(l: Lines, from: number, ctx: Ctx, items: PageItem[]): void {
  l.lines.forEach((line, k) => items.push(...placeRuns(line.runs, ctx.grid.left, gridBaseline(ctx.grid, from + k, l.size))));
}

function textRow(row: TextRow, ctx: Ctx): SetRow {
  // A centred row that wraps (a long series line) takes lines of about equal length, never a character alone.
  const l = setLines(row.paragraph.align === 'center' ? { ...row.paragraph, balance: true } : row.paragraph, ctx);
  return { lines: l.lines.length, draw: (slot, items) => drawLines(l, slot, ctx, items) };
}

function bannerRow(row: BannerRow, ctx: Ctx): SetRow {
  const { grid, builder } = ctx;
  const span = engineSpan(row.span, grid);
  const size = span.size;
  const tracking = span.tracking ?? 0;
  // As large as the band allows, then narrowed horizontally if it is still wider than the type area.
  const natural = naturalWidth(builder, [span]);
  // Letter-spacing follows every character, the last one too: the ink is that much narrower.
  const ink = natural - tracking;
  const scale = ink > grid.width ? grid.width / ink : 1;
  const set = setParagraph(builder, { spans: [span], width: scale < 1 ? natural : grid.width, align: scale < 1 ? 'left' : 'center' });
  ctx.missing.push(...set.missing);
  // Centre the ink, not the spacing after it.
  const nudge = scale < 1 ? 0 : tracking / 2;
  return {
    lines: row.lines,
    draw(slot, items) {
      const bandTop = grid.top + slot * grid.linePitch;
      const baseline = bandTop + (row.lines * grid.linePitch - size) / 2 + EM_BOX_ASCENT * size;
      for (const l of set.lines) {
        const runs = placeRuns(l.runs, grid.left + nudge, baseline);
        if (scale < 1) for (const r of runs) squeezeRun(r, scale, grid.left);
        items.push(...runs);
      }
    },
  };
}

/** Narrow a run about `origin` (the renderer applies the same horizontal scale to the glyphs). */
function squeezeRun(r: GlyphRun, scale: number, origin: number): void {
  r.hscale = scale * 100;
  r.xs = r.xs.map((x) => origin + (x - origin) * scale);
}

function pairRow(row: PairRow, ctx: Ctx): SetRow {
  const lefts = row.left.map((p) => setLines(p, ctx));
  const right = setLines(row.right, ctx);
  const n = lefts.reduce((k, l) => k + l.lines.length, 0);
  const lastOf = [...lefts].reverse().find((l) => l.lines.length > 0);
  const last = lastOf?.lines[lastOf.lines.length - 1];
  const first = right.lines[0];
  const fits = !!last && !!first && last.end + row.gap <= first.start;
  const share = fits && (!row.single || (n === 1 && right.lines.length === 1));
  return {
    lines: n + right.lines.length - (share ? 1 : 0),
    draw(slot, items) {
      let s = slot;
      for (const l of lefts) {
        drawLines(l, s, ctx, items);
        s += l.lines.length;
      }
      drawLines(right, share ? s - 1 : s, ctx, items);
    },
  };
}

function ruleRow(row: RuleRow, ctx: Ctx): SetRow {
  const { grid } = ctx;
  return {
    lines: row.lines,
    draw(slot, items) {
      const y = grid.top + (slot + row.offset) * grid.linePitch;
      items.push({ kind: 'rule', x1: grid.left, y1: y, x2: grid.left + grid.width, y2: y, width: row.width, colour: row.colour });
    },
  };
}
