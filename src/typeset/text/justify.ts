/**
 * Justification: how a line of atoms is brought to its measure, and what that costs the line breaker. The order
 * is clreq's, kept to the character grid (GB/T 9704: 28 a line): first the Han–Latin and word spaces (¼ em, from
 * ⅛ to ⅜), then, when squeezing, the blanks of mid-line punctuation, and only then, evenly and by the least
 * amount, the space between characters — which takes the Han off the grid once it passes GRID_TOL.
 */
import { type Measure, spreads } from './measure.js';
import { Cls } from './classes.js';
import type { LineRange } from './breaker.js';

export type Align = 'justify' | 'left' | 'center' | 'right';

const EPS = 0.001;
/** A Han–Latin or word space may shrink or grow by this much (em). */
const SPACE_FLEX = 1 / 8;
/** Up to this much per boundary (em) the Han characters stay on the grid (the audit allows 2 % of the pitch). */
export const GRID_TOL = 0.018;
/** The most a line is squeezed between characters (em per boundary). */
const MAX_SQUEEZE = 0.04;
/** Letter-spacing on a line of one word that goes unseen (em per glyph); also the most it is squeezed. */
const TRACK = 0.02;

/** Costs (the line breaker's units): a line at the edge of one kind of adjustment costs EDGE. */
const EDGE = 20;
/** A line off the grid, or with spaces wider than their range, costs at least this much more. */
export const OFF_GRID = 1000;
/** A line that nothing can stretch (one word): it stays short. */
const SHORT = 10_000;

export interface Fit {
  /** Added to each Han–Latin and word space, pt (negative: taken away). */
  space: number;
  /** Share of the squeezable punctuation blanks taken, 0–1. */
  punct: number;
  /** Taken from the blank of an opening mark that starts the line, pt. */
  lead: number;
  /** Added at each inter-character boundary, pt. */
  spread: number;
  /**
   * Added after each glyph, pt: only on a line of one word (a piece of a URL or of a cut word), which has no
   * other place to take its few points of slack.
   */
  track: number;
  /** The inter-character share is within GRID_TOL and the spaces within their range. */
  onGrid: boolean;
  /** False when the line cannot be squeezed to the measure. */
  ok: boolean;
  cost: number;
}

/**
 * How atoms [s, e) (trimmed) fit `width`: stretched only when justified, squeezed whenever they overflow. A line
 * that starts with an opening mark and overflows may also set that mark half-width (clreq allows either).
 */
export function fit(m: Measure, s: number, e: number, width: number, justify: boolean): Fit {
  const f = fitWith(m, s, e, width, justify, 0);
  const lead = m.lead(s, e);
  if (lead === 0 || m.natural(s, e) <= width + EPS || (f.ok && f.onGrid && f.punct === 0)) return f;
  const g = fitWith(m, s, e, width, justify, lead);
  return g.ok && (!f.ok || g.cost < f.cost) ? g : f;
}

function fitWith(m: Measure, s: number, e: number, width: number, justify: boolean, lead: number): Fit {
  const f: Fit = { space: 0, punct: 0, lead, spread: 0, track: 0, onGrid: true, ok: true, cost: 0 };
  if (e <= s) return f;
  const em = m.em(s);
  const flex = SPACE_FLEX * em;
  const nS = m.spaces(s, e);
  const nB = m.boundaries(s, e);
  let d = width - m.natural(s, e) + lead;
  let short = false;
  if (d > EPS) {
    if (!justify) return f;
    if (nS) {
      f.space = Math.min(d / nS, flex);
      d -= f.space * nS;
    }
    if (d > EPS && nB) {
      f.spread = Math.min(d / nB, GRID_TOL * em);
      d -= f.spread * nB;
    }
    // Past what keeps the grid, the blanks between characters grow to the width of the spaces, then all grow
    // together: no blank is wider than it must be.
    if (d > EPS && nB && nS) {
      const up = Math.min(d / nB, Math.max(0, em / 4 + f.space - f.spread));
      f.spread += up;
      d -= up * nB;
    }
    if (d > EPS) {
      const gaps = m.glyphs(s, e) - 1;
      if (nB + nS) {
        f.spread += d / (nB + nS);
        if (nS) f.space += d / (nB + nS);
      } else if (gaps > 0) f.track = d / gaps;
      else short = true;
    }
  } else if (d < -EPS) {
    let need = -d;
    if (nS) {
      const t = Math.min(need / nS, flex);
      f.space = -t;
      need -= t * nS;
    }
    const p = m.punct(s, e);
    if (need > EPS && p > 0) {
      const t = Math.min(need, p);
      f.punct = t / p;
      need -= t;
    }

    if (need > EPS) {
      const gaps = m.glyphs(s, e) - 1;
      if (nB) f.spread = -need / nB;
      else if (nS === 0 && gaps > 0) f.track = -need / gaps;
      f.ok = nB > 0 ? need / nB <= MAX_SQUEEZE * em + EPS : -f.track <= TRACK * em + EPS && f.track < 0;
    }
  }
  const rs = flex > 0 ? Math.abs(f.space) / flex : 0;
  const rg = Math.abs(f.spread) / (GRID_TOL * em);
  f.onGrid = rs <= 1 + EPS && rg <= 1 + EPS;
  f.cost = EDGE * (Math.min(rs, 1) ** 2 + f.punct ** 2 + Math.min(rg, 1) ** 2);
  // Beyond the grid: much worse on a line of Han alone, whose columns it breaks, than beside Latin text, whose
  // width has moved the columns already.
  const off = m.latin(s, e) ? OFF_GRID / 4 : OFF_GRID;
  if (rs > 1 + EPS) f.cost += off + 2000 * (rs - 1) ** 2;
  if (rg > 1 + EPS) f.cost += off + 200 * (rg - 1) ** 2;
  const rt = Math.abs(f.track) / (TRACK * em);
  f.cost += EDGE * Math.min(rt, 1) ** 2;
  if (rt > 1 + EPS) f.cost += OFF_GRID / 4 + 200 * (rt - 1) ** 2;
  if (short) f.cost += SHORT;
  return f;
}

/**
 * x of each atom's origin in the line, relative to its start, written to `out[i]`. Justified lines fill `width`
 * exactly (as `fit` says); others keep natural spacing, aligned as asked, and are squeezed only when they would
 * overflow. Returns the x where the line's last atom ends, and the letter-spacing of its glyphs (`Fit.track`).
 */
export function placeLine(m: Measure, l: LineRange, width: number, align: Align, out: Float64Array): { end: number; track: number } {
  const a = m.a;
  const { s, e } = l;
  if (e <= s) return { end: 0, track: 0 };
  const f = fit(m, s, e, width, align === 'justify');
  const extra = width - m.natural(s, e);
  let x = extra > 0 && align === 'center' ? extra / 2 : extra > 0 && align === 'right' ? extra : -f.lead;
  for (let i = s; i < e; i++) {
    if (i > s) x += a.gap[i]! + (a.gap[i]! > 0 ? f.space : 0) + (spreads(a, i) ? f.spread : 0);
    // Neither end gives up a blank: the edges stay straight (and `Measure.punct` counted neither).
    const cutL = i === s || i === e - 1 ? 0 : a.sqL[i]! * f.punct;
    const cutR = i === e - 1 ? 0 : a.sqR[i]! * f.punct;
    x -= cutL;
    out[i] = x - a.shift[i]!;
    x += a.w[i]! - cutR + (a.cls[i] === Cls.Space && a.w[i]! > 0 ? f.space : 0) + f.track * (a.g0[i + 1]! - a.g0[i]!);
  }
  return { end: x - a.rb[e - 1]! - f.track, track: f.track };
}
