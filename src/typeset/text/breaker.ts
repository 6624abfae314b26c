/**
 * Greedy line breaking for Chinese text (clreq "先挤进，后推出": squeeze first, then push), for lines set left,
 * centred or right; justified paragraphs are broken by optimal.ts. The break rules (禁则, glue) both share.
 */
import type { Atoms } from './atoms.js';
import { Cls } from './classes.js';
import { fit } from './justify.js';
import type { Measure } from './measure.js';

/** A line: atoms [s, e), without spaces at either end. */
export interface LineRange {
  s: number;
  e: number;
}

const EPS = 0.001;

export const isSpace = (a: Atoms, i: number): boolean => a.cls[i] === Cls.Space;

/** A line without spaces at either end, nor an ideographic space at its end (invisible there, it would only push the line left). */
export function trim(a: Atoms, s: number, e: number): LineRange {
  while (s < e && isSpace(a, s)) s++;
  while (e > s && (isSpace(a, e - 1) || a.glyphs.text[a.g0[e - 1]!] === '\u3000')) e--;
  return { s, e };
}

/** Does the line starting at atom s hold nothing before atom k but the Latin run k belongs to? */
export const inRun = (a: Atoms, s: number, k: number): boolean => a.join[s]! && a.run[s] === a.run[k];

/**
 * May a line that starts at atom s end before atom k (and the next start at k)? Lines set left, centred or right
 * (`strict`) break inside a URL away from its marks only on a line that holds nothing but the URL; the optimal
 * breaker weighs that break elsewhere too (optimal.ts).
 */
export function canBreakBefore(a: Atoms, k: number, s = k - 1, strict = true): boolean {
  if (k <= 0 || k >= a.n) return true;
  if (a.glue[k - 1]) return false;
  if (strict && a.mixedPen[k]! > 0 && !inRun(a, s, k)) return false;
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
    if (e < to && !canBreakBefore(a, e, s)) {
      let next = e + 1;
      while (next < to && !canBreakBefore(a, next, s)) next++;
      let prev = e - 1;
      while (prev > s && !canBreakBefore(a, prev, s)) prev--;
      const t = trim(a, s, next);
      const over = m.natural(t.s, t.e) - width;
      const canSqueeze = fit(m, t.s, t.e, width, false).ok;
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
export function visible(a: Atoms, l: LineRange): number {
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
    if (!canBreakBefore(a, k, prev.s)) continue;
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
