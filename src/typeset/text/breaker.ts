/**
 * Line breaking for Chinese text (clreq "先挤进，后推出": squeeze first, then push), and the placement of a
 * line's atoms: justified lines fill the measure exactly, the space spread evenly between atoms.
 */
import type { Atoms } from './atoms.js';
import { Cls } from './classes.js';

/** A line: atoms [s, e), without spaces at either end. */
export interface LineRange {
  s: number;
  e: number;
}

export type Align = 'justify' | 'left' | 'center' | 'right';

const EPS = 0.001;

/** How much each gap between atoms may be squeezed, as a share of the font size: a little, never visibly. */
const GAP_SQUEEZE = 0.04;
/** Up to this much per gap, a squeeze is spread evenly before any mark gives up its blank (unseen at 3号). */
const SOFT_SQUEEZE = 0.02;

/** Prefix sums over a paragraph's atoms, so a line's width is O(1). */
export class Measure {
  private readonly W: Float64Array;
  private readonly G: Float64Array;
  private readonly SQ: Float64Array;
  constructor(readonly a: Atoms) {
    const n = a.n;
    this.W = new Float64Array(n + 1);
    this.G = new Float64Array(n + 1);
    this.SQ = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      this.W[i + 1] = this.W[i]! + a.w[i]!;
      this.G[i + 1] = this.G[i]! + a.gap[i]!;
      this.SQ[i + 1] = this.SQ[i]! + a.sqL[i]! + a.sqR[i]!;
    }
  }

  /** Natural width of atoms [s, e) as a line: no Han–Latin space at its start, the last mark's blank cut. */
  natural(s: number, e: number): number {
    if (e <= s) return 0;
    return this.W[e]! - this.W[s]! + this.G[e]! - this.G[s + 1]! - this.a.rb[e - 1]!;
  }

  /** How much [s, e) may be squeezed: mid-line punctuation blanks, then a little in every gap. */
  squeezable(s: number, e: number): number {
    if (e - s < 2) return 0;
    const size = this.a.spans[this.a.sp[s]!]!.size;
    // An opening mark at the line's start keeps its blank: the left edge stays straight.
    return this.SQ[e - 1]! - this.SQ[s]! - this.a.sqL[s]! + (e - s - 1) * GAP_SQUEEZE * size;
  }
}

const isSpace = (a: Atoms, i: number): boolean => a.cls[i] === Cls.Space;

function trim(a: Atoms, s: number, e: number): LineRange {
  while (s < e && isSpace(a, s)) s++;
  while (e > s && isSpace(a, e - 1)) e--;
  return { s, e };
}

/** May a line end before atom k (and the next start at k)? */
function canBreakBefore(a: Atoms, k: number): boolean {
  if (k <= 0 || k >= a.n) return true;
  if (a.glue[k - 1]) return false;
  if (isSpace(a, k) || isSpace(a, k - 1)) return true;
  return !a.noStart[k] && !a.noEnd[k - 1];
}

/**
 * Breaks atoms [from, to) into lines. `measure(i)` is the width available to line i.
 * Greedy, as Chinese typesetting is: each line takes what fits at natural spacing; where the break there is
 * forbidden (禁则), the line first tries to squeeze in up to the next allowed break, and otherwise pushes back to
 * the previous one. A last line holding a single character pulls one more down (孤字).
 */
export function breakLines(m: Measure, from: number, to: number, measure: (line: number) => number, fixRunt = true): LineRange[] {
  const a = m.a;
  const lines: LineRange[] = [];
  let s = from;
  while (s < to && isSpace(a, s)) s++;
  while (s < to) {
    const width = measure(lines.length);
    let e = s + 1;
    while (e < to && fits(m, s, e + 1, width)) e++;
    // e: the most atoms [s, e) that fit at natural spacing (at least one).
    if (e < to && !canBreakBefore(a, e)) {
      let next = e + 1;
      while (next < to && !canBreakBefore(a, next)) next++;
      let prev = e - 1;
      while (prev > s && !canBreakBefore(a, prev)) prev--;
      const t = trim(a, s, next);
      const over = m.natural(t.s, t.e) - width;
      const canSqueeze = over <= m.squeezable(t.s, t.e) + EPS;
      // Squeezing in marks that may not start a line is what it is for; squeezing in more (a unit after its
      // number) only when that disturbs the line less than pushing down would.
      const under = prev > s ? width - m.natural(...trimmed(a, s, prev)) : Number.POSITIVE_INFINITY;
      if (canSqueeze && (onlyMarks(a, e, next) || over < under)) e = next;
      else if (prev > s) e = prev;
      // else: nothing allowed in reach (a long unbreakable run); break where it fits.
    }
    lines.push(trim(a, s, e));
    s = e;
    while (s < to && isSpace(a, s)) s++;
  }
  if (fixRunt) pullRunt(m, lines, measure);
  return lines.filter((l) => l.e > l.s);
}

function trimmed(a: Atoms, s: number, e: number): [number, number] {
  const t = trim(a, s, e);
  return [t.s, t.e];
}

/** Atoms [from, to) are all punctuation (what 先挤进 squeezes in). */
function onlyMarks(a: Atoms, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = a.cls[i];
    if (c !== Cls.Close && c !== Cls.Stop && c !== Cls.Middle && c !== Cls.Dash && c !== Cls.Space) return false;
  }
  return true;
}

function fits(m: Measure, s: number, e: number, width: number): boolean {
  const t = trim(m.a, s, e);
  return m.natural(t.s, t.e) <= width + EPS;
}

/** Characters that count for 孤字: Han and every letter of a Latin word; not punctuation or spaces. */
function visible(a: Atoms, l: LineRange): number {
  let n = 0;
  for (let i = l.s; i < l.e; i++) {
    const c = a.cls[i];
    if (c === Cls.Ideo) n++;
    else if (c === Cls.Latin) n += a.g0[i + 1]! - a.g0[i]!;
  }
  return n;
}

/**
 * 孤字: a last line holding a single character takes one more atom from the line above, if the line above can
 * break earlier and the new last line still fits its measure.
 */
export function pullRunt(m: Measure, lines: LineRange[], measure: (line: number) => number): void {
  if (lines.length < 2) return;
  const a = m.a;
  const last = lines[lines.length - 1]!;
  const prev = lines[lines.length - 2]!;
  if (visible(a, last) > 1) return;
  for (let k = prev.e - 1; k > prev.s + 1; k--) {
    if (!canBreakBefore(a, k)) continue;
    const p = trim(a, prev.s, k);
    const l = trim(a, k, last.e);
    if (visible(a, p) === 0) return;
    if (m.natural(l.s, l.e) > measure(lines.length - 1) + EPS) return;
    prev.s = p.s;
    prev.e = p.e;
    last.s = l.s;
    last.e = l.e;
    return;
  }
}

/**
 * x of each atom's origin in [s, e), relative to the line's start, written to `out[i]`.
 * Justified: the line fills `width` exactly (squeezing punctuation blanks first, then the gaps evenly);
 * otherwise natural spacing, aligned as asked. Returns the x where the line's last atom ends.
 */
export function placeLine(m: Measure, l: LineRange, width: number, align: Align, out: Float64Array): number {
  const a = m.a;
  const { s, e } = l;
  if (e <= s) return 0;
  const natural = m.natural(s, e);
  let extra = width - natural;
  let squeezeShare = 0;
  let spread = 0;
  let x = 0;
  if (align === 'justify') {
    if (extra < 0) {
      // A squeeze small enough to go unseen is spread over the gaps; beyond that the blanks of mid-line marks give
      // first (clreq), then the gaps again, up to what `squeezable` allowed.
      const size = a.spans[a.sp[s]!]!.size;
      const soft = Math.min(-extra, (e - s - 1) * SOFT_SQUEEZE * size);
      const punct = m.squeezable(s, e) - (e - s - 1) * GAP_SQUEEZE * size;
      const fromPunct = Math.min(-extra - soft, Math.max(punct, 0));
      squeezeShare = punct > 0 ? fromPunct / punct : 0;
      extra += fromPunct;
    }
    spread = e - s > 1 ? extra / (e - s - 1) : 0;
  } else if (align === 'center') {
    x = extra / 2;
  } else if (align === 'right') {
    x = extra;
  }
  for (let i = s; i < e; i++) {
    if (i > s) x += a.gap[i]! + spread;
    const isLastSq = i === e - 1;
    // Neither end gives up a blank: the edges stay straight (and `squeezable` counted neither).
    const cutL = i === s || i === e - 1 ? 0 : a.sqL[i]! * squeezeShare;
    const cutR = isLastSq ? 0 : a.sqR[i]! * squeezeShare;
    x -= cutL;
    out[i] = x - a.shift[i]!;
    x += a.w[i]! - cutR;
  }
  return x - a.rb[e - 1]!;
}
