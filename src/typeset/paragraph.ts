/**
 * A paragraph: spans of text in their roles → lines of positioned glyph runs. Covers the kinds a bulletin needs:
 * a first-line indent, a run-in lead sentence in another face (just another span), a trailing source set after
 * the last line or right-aligned on its own, a hanging label (bullets, contents numbers), centred and
 * right-aligned lines.
 */
import type { Colour } from '../issue/model.js';
import type { MissingChar } from './types.js';
import { type AtomBuilder, type Atoms, type Span } from './text/atoms.js';
import { type LineRange, breakLines, pullRunt } from './text/breaker.js';
import { type Align, placeLine } from './text/justify.js';
import { Measure } from './text/measure.js';
import { breakOptimal } from './text/optimal.js';

export interface ParagraphSpec {
  spans: Span[];
  /** Measure of the block (usually the type-area width), pt. */
  width: number;
  /** Alignment of every line but the last; a justified paragraph's last line is set left. */
  align: Align;
  /** Left indent of every line, pt. */
  left?: number;
  /** Extra indent of the first line, pt (2 characters for body text). */
  indent?: number;
  /** A label set at `left` on the first line, the text of every line starting `width` further right. */
  hang?: { label: Span; width: number };
  /** Set after the last line when it fits there, else right-aligned on a line of its own (an item's source). */
  trailer?: Span;
  /** Lines of about equal length (a wrapped title): broken in the narrowest measure that needs no more lines. */
  balance?: boolean;
}

/** Glyphs of one font, size and colour on a line; x relative to the block's left edge. */
export interface LineRun {
  font: string;
  size: number;
  colour?: Colour;
  gids: number[];
  xs: number[];
  advances: number[];
  texts: string[];
  /** Horizontal scale in percent (a dash of "——" drawn joined). */
  hscale?: number;
  bold?: boolean;
}

export interface SetLine {
  runs: LineRun[];
  /** Where the line's ink ends, pt from the block's left edge. */
  end: number;
  /** Where it starts. */
  start: number;
  /** A line holding only the trailer (the source): it must not begin a page. */
  trailerOnly?: boolean;
}

export interface SetParagraph {
  lines: SetLine[];
  missing: MissingChar[];
  /**
   * The same justified paragraph in `delta` more (or fewer) lines, every line still on the character grid (by
   * squeezing or easing punctuation and spaces, never by spacing characters apart); undefined when it cannot be
   * done. Pagination uses it to fill a page that widow control left short.
   */
  variant?(delta: number): SetParagraph | undefined;
}

export function setParagraph(builder: AtomBuilder, spec: ParagraphSpec): SetParagraph {
  const cache = builder.cache;
  if (!cache) return set(builder, spec);
  const key = `${builder.fontsKey}\u0000${JSON.stringify(spec)}`;
  let p = cache.get(key);
  if (!p) cache.set(key, (p = set(builder, spec)));
  return p;
}

/**
 * The atoms of a paragraph's text, built once per spans array: setting it again narrower (to fill a page) only
 * breaks the lines again.
 */
function atomsOf(builder: AtomBuilder, spec: ParagraphSpec, maxWidth: number): { atoms: Atoms; m: Measure } {
  const hit = builder.memo.get(spec.spans);
  if (hit && hit.trailer === spec.trailer && hit.maxWidth === maxWidth) return hit as { atoms: Atoms; m: Measure };
  const atoms = builder.build(spec.trailer ? [...spec.spans, spec.trailer] : spec.spans, maxWidth);
  const entry = { trailer: spec.trailer, maxWidth, atoms, m: new Measure(atoms) };
  builder.memo.set(spec.spans, entry);
  return entry;
}

function set(builder: AtomBuilder, spec: ParagraphSpec): SetParagraph {
  const left = spec.left ?? 0;
  const indent = spec.indent ?? 0;
  const hangW = spec.hang?.width ?? 0;
  const measure = (i: number): number => spec.width - left - hangW - (i === 0 ? indent : 0);
  const { atoms, m } = atomsOf(builder, spec, Math.max(1, Math.min(measure(0), measure(1))));
  const trailerSpan = spec.trailer ? spec.spans.length : -1;
  let tStart = atoms.n;
  if (trailerSpan >= 0) {
    tStart = 0;
    while (tStart < atoms.n && atoms.sp[tStart] !== trailerSpan) tStart++;
  }
  const missing = [...atoms.missing];
  let label: { runs: LineRun[]; missing: MissingChar[] } | undefined;
  if (spec.hang) {
    const la = builder.build([spec.hang.label], spec.width);
    const lx = new Float64Array(la.n);
    const range: LineRange = { s: 0, e: la.n };
    placeLine(new Measure(la), range, spec.hang.width, 'left', lx);
    label = { runs: collectRuns(la, range, lx, left), missing: la.missing };
    missing.push(...la.missing);
  }
  const xs = new Float64Array(atoms.n);
  const render = (lines: LineRange[], aligns: Align[]): SetLine[] => {
    const out = lines.map((l, i) => {
      const x0 = left + hangW + (i === 0 ? indent : 0);
      const placed = placeLine(m, l, measure(i), aligns[i]!, xs);
      let end = placed.end;
      const runs = collectRuns(atoms, l, xs, x0, placed.track);
      const hy = atoms.hyphens.get(l.e);
      if (hy && l.e > l.s) {
        // A word wider than the measure, cut here: its hyphen ends the line (the text itself has none, so no
        // text of its own: copied out, the word comes whole).
        const run = runs[runs.length - 1]!;
        const r: LineRun = run.font === hy.font && run.hscale === undefined ? run : { font: hy.font, size: run.size, ...(run.colour ? { colour: run.colour } : {}), gids: [], xs: [], advances: [], texts: [] };
        if (r !== run) runs.push(r);
        r.gids.push(hy.gid);
        r.xs.push(x0 + end);
        r.advances.push(hy.adv);
        r.texts.push('');
        end += hy.adv;
      }
      const line: SetLine = { runs, end: x0 + end, start: x0 + (l.e > l.s ? xs[l.s]! : 0) };
      if (l.s >= tStart) line.trailerOnly = true;
      return line;
    });
    if (label && out[0]) {
      out[0].runs.unshift(...label.runs);
      out[0].start = left;
    }
    return out;
  };
  if (spec.align !== 'justify') {
    const breakAt = spec.balance ? balancedMeasure(m, tStart, measure, spec.align, trailerSpan >= 0) : measure;
    const { lines, aligns } = breakGreedy(m, tStart, breakAt, spec.align, trailerSpan >= 0);
    return { lines: render(lines, aligns), missing };
  }
  const kindAlign = { justify: 'justify', last: 'left', trailer: 'right' } as const;
  const setIn = (lines?: number): SetParagraph | undefined => {
    const b = breakOptimal(m, { text: tStart, measure, ...(lines === undefined ? {} : { lines }) });
    if (!b) return undefined;
    const out = render(b.lines, b.kinds.map((k) => kindAlign[k]));
    return { lines: out, missing, variant: (delta) => (delta === 0 ? undefined : setIn(out.length + delta)) };
  };
  return setIn()!;
}

/**
 * The measure a balanced paragraph is broken in: the narrowest (to a tenth of a point) in which it takes no more
 * lines than in the full measure, so its lines come out about equal and the last never holds one character alone.
 * Lines are still placed (centred) in the full measure.
 */
function balancedMeasure(m: Measure, tStart: number, measure: (i: number) => number, align: Align, trailer: boolean): (i: number) => number {
  const count = (cut: number): number => breakGreedy(m, tStart, (i) => measure(i) - cut, align, trailer).lines.length;
  const n = count(0);
  if (n <= 1) return measure;
  let lo = 0;
  let hi = measure(0) - measure(0) / n;
  while (hi - lo > 0.1) {
    const mid = (lo + hi) / 2;
    if (count(mid) > n) hi = mid;
    else lo = mid;
  }
  return (i) => measure(i) - lo;
}

/** Lines set left, centred or right: greedy, with the trailer after the last line or on its own. */
function breakGreedy(m: Measure, tStart: number, measure: (i: number) => number, align: Align, trailer: boolean): { lines: LineRange[]; aligns: Align[] } {
  const n = m.a.n;
  const lines = breakLines(m, 0, tStart, measure, !trailer);
  const aligns: Align[] = lines.map(() => align);
  if (tStart < n) {
    const last = lines[lines.length - 1];
    const li = Math.max(lines.length - 1, 0);
    if (last && m.natural(last.s, n) <= measure(li) + 0.001) {
      last.e = n;
    } else {
      // The source goes on a line of its own: the text's last line is a real last line now, so no 孤字 there.
      pullRunt(m, lines, measure);
      for (const l of breakLines(m, tStart, n, (i) => measure(lines.length + i), false)) {
        lines.push(l);
        aligns.push('right');
      }
    }
  }
  return { lines, aligns };
}

/** The line's glyphs as runs; `track` is added after each glyph inside an atom (a line of one word, justified). */
function collectRuns(a: Atoms, l: LineRange, xs: Float64Array, x0: number, track = 0): LineRun[] {
  const g = a.glyphs;
  const runs: LineRun[] = [];
  let cur: LineRun | undefined;
  for (let i = l.s; i < l.e; i++) {
    const ox = x0 + xs[i]!;
    const dash = joinedDash(a, l, i, xs, x0);
    if (dash) {
      const k = a.g0[i]!;
      const span = a.spans[g.span[k]!]!;
      runs.push({ font: g.font[k]!, size: span.size, ...(span.colour ? { colour: span.colour } : {}), gids: [g.gid[k]!], xs: [dash.x], advances: [g.adv[k]!], texts: [g.text[k]!], hscale: dash.hscale });
      cur = undefined;
      continue;
    }
    for (let k = a.g0[i]!; k < a.g0[i + 1]!; k++) {
      const span = a.spans[g.span[k]!]!;
      if (!cur || cur.font !== g.font[k] || cur.size !== span.size || cur.colour !== span.colour || cur.bold !== span.bold) {
        cur = { font: g.font[k]!, size: span.size, gids: [], xs: [], advances: [], texts: [] };
        if (span.colour) cur.colour = span.colour;
        if (span.bold) cur.bold = true;
        runs.push(cur);
      }
      cur.gids.push(g.gid[k]!);
      cur.xs.push(ox + g.dx[k]! + track * (k - a.g0[i]!));
      cur.advances.push(g.adv[k]!);
      cur.texts.push(g.text[k]!);
    }
  }
  return runs;
}

/**
 * A dash of "——" (two dashes held together): drawn stretched so that its ink meets its neighbour's, as the
 * official fonts' dashes do (the stand-in font leaves a gap between them). Its outer ends keep the glyph's own.
 */
function joinedDash(a: Atoms, l: LineRange, i: number, xs: Float64Array, x0: number): { x: number; hscale: number } | undefined {
  const ink = a.dashInk.get(i);
  if (!ink) return undefined;
  const prev = i > l.s && a.glue[i - 1] && a.dashInk.has(i - 1);
  const next = i + 1 < l.e && a.glue[i] && a.dashInk.has(i + 1);
  if (!prev && !next) return undefined;
  const ox = x0 + xs[i]!;
  // A hair of overlap, so that no seam shows where the two meet.
  const overlap = 0.01 * a.spans[a.sp[i]!]!.size;
  const left = prev ? ox - overlap : ox + ink.x0;
  const right = next ? x0 + xs[i + 1]! + overlap : ox + ink.x1;
  const scale = (right - left) / (ink.x1 - ink.x0);
  return { x: left - ink.x0 * scale, hscale: scale * 100 };
}

/** Natural width of a single line of text (for fitting a masthead name, centring a label). */
export function naturalWidth(builder: AtomBuilder, spans: Span[]): number {
  const a = builder.build(spans, Number.POSITIVE_INFINITY);
  return a.n ? new Measure(a).natural(0, a.n) : 0;
}
