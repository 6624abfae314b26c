/**
 * Line breaking for justified paragraphs by total fit (the Knuth–Plass idea over the Chinese break rules): every
 * way of breaking the paragraph is weighed by what its lines cost to justify (justify.ts) and what its breaks
 * cost (inside a URL, after a word's hyphen), and the cheapest wins. A greedy breaker has to stretch a line off
 * the grid whenever 禁则 push a character down; looking at the whole paragraph lets an earlier line take or give
 * a character by squeezing its punctuation instead. It also sets a paragraph in a given number of lines, all on the
 * grid, or says it cannot (pagination uses that to fill a page).
 */
import type { Atoms } from './atoms.js';
import { type LineRange, breakLines, canBreakBefore, inRun, isSpace, trim, visible } from './breaker.js';
import { fit } from './justify.js';
import type { Measure } from './measure.js';

export interface BreakSpec {
  /** Atoms [0, text) are the text; atoms [text, n) a trailer (the source): after the last line, or on its own. */
  text: number;
  /** Width of line i. */
  measure: (line: number) => number;
  /** Set in exactly this many lines, each on the grid (undefined when that cannot be done). */
  lines?: number;
}

/** A justified line, the text's last line (set left), or a line of the trailer on its own (set right). */
export type LineKind = 'justify' | 'last' | 'trailer';

export interface Broken {
  lines: LineRange[];
  kinds: LineKind[];
  cost: number;
}

/** Every line costs a little, so that of two equal settings the shorter wins. */
const LINE = 1;
/** A last line of one character (孤字). */
const RUNT = 5000;
/** The source on a line of its own, when it could have ended the last line. */
const OWN_LINE = 100;
/** A break where the rules allow none (an unbreakable run longer than the line). */
const FORCED = 100_000;
/** Lines shorter than the measure by more than this (em) are not tried, when a fuller one is possible. */
const WINDOW = 3;

interface State {
  /** Where the next line starts. */
  pos: number;
  /** Lines so far. */
  count: number;
  cost: number;
  prev?: State;
  /** The line that led here. */
  line?: LineRange;
}

interface Final {
  cost: number;
  count: number;
  state: State;
  last: LineRange;
  /** The trailer set after `last` (false: on lines of its own). */
  joined: boolean;
}

export function breakOptimal(m: Measure, spec: BreakSpec): Broken | undefined {
  const a = m.a;
  const T = spec.text;
  const strict = spec.lines !== undefined;
  const hasTrailer = T < a.n;
  const at: State[][] = [];
  const finals: Final[] = [];
  const add = (st: State): void => {
    const list = (at[st.pos] ??= []);
    const same = list.find((x) => x.count === st.count);
    if (!same) list.push(st);
    else if (st.cost < same.cost) Object.assign(same, st);
  };
  add({ pos: 0, count: 0, cost: 0 });
  for (let p = 0; p < T; p++) {
    for (const st of at[p] ?? []) {
      let s = p;
      while (s < T && isSpace(a, s)) s++;
      if (s >= T) {
        // Text of spaces only (a paragraph that ends in spaces ends its last line at T, below).
        if (st.count === 0) finals.push({ cost: 0, count: 0, state: st, last: { s: T, e: T }, joined: false });
        continue;
      }
      const W = spec.measure(st.count);
      const em = m.em(s);
      const ends: number[] = [];
      let fallback = -1;
      for (let e = s + 1; e <= T; e++) {
        const t = trim(a, s, e);
        const natural = m.natural(t.s, t.e);
        if (natural <= W + 0.001) fallback = e;
        if (!fit(m, t.s, t.e, W, false).ok) break;
        if (e < T && !canBreakBefore(a, e, s, false)) continue;
        ends.push(e);
      }
      // The fullest lines are worth trying; a much shorter one only when nothing else is allowed.
      const tried = ends.filter((e, i) => i === ends.length - 1 || W - m.natural(...span(a, s, e)) <= WINDOW * em);
      if (!tried.length) tried.push(Math.max(fallback, s + 1));
      const forced = !ends.length;
      for (const e of tried) {
        const t = trim(a, s, e);
        if (e === T) {
          lastLine(m, spec, st, t, W, finals, forced);
          continue;
        }
        const f = fit(m, t.s, t.e, W, true);
        if (strict && (!f.onGrid || forced)) continue;
        const pen = a.pen[e]! + (inRun(a, s, e) ? 0 : a.mixedPen[e]!);
        add({ pos: e, count: st.count + 1, cost: st.cost + f.cost + LINE + pen + (forced ? FORCED : 0), prev: st, line: t });
      }
    }
  }
  if (T === 0) finals.push({ cost: 0, count: 0, state: at[0]![0]!, last: { s: 0, e: 0 }, joined: false });
  // The trailer on lines of its own (right-aligned), after the text's last line.
  const own = (f: Final): LineRange[] => (hasTrailer && !f.joined ? breakLines(m, T, a.n, (i) => spec.measure(f.count + i), false) : []);
  let best: { f: Final; lines: LineRange[] } | undefined;
  for (const f of finals) {
    const extra = own(f);
    if (strict && f.count + extra.length !== spec.lines) continue;
    if (!best || f.cost < best.f.cost) best = { f, lines: extra };
  }
  if (!best) return undefined;
  const lines: LineRange[] = [];
  for (let st: State | undefined = best.f.state; st?.line; st = st.prev) lines.unshift(st.line);
  const kinds: LineKind[] = lines.map(() => 'justify');
  const last = best.f.last;
  if (last.e > last.s) {
    lines.push(last);
    kinds.push('last');
  }
  for (const l of best.lines) {
    lines.push(l);
    kinds.push('trailer');
  }
  return { lines, kinds, cost: best.f.cost };
}

/** The ways to end the text with the line t: the trailer after it, or the trailer on lines of its own. */
function lastLine(m: Measure, spec: BreakSpec, st: State, t: LineRange, W: number, finals: Final[], forced: boolean): void {
  const a = m.a;
  const T = spec.text;
  if (T < a.n) {
    const j = trim(a, t.s, a.n);
    const f = fit(m, j.s, j.e, W, false);
    if (f.ok) finals.push({ cost: st.cost + f.cost + LINE, count: st.count + 1, state: st, last: j, joined: true });
  }
  const f = fit(m, t.s, t.e, W, false);
  if (!f.ok && !forced) return;
  const runt = st.count > 0 && visible(a, t) <= 1 ? RUNT : 0;
  const own = T < a.n ? OWN_LINE : 0;
  finals.push({ cost: st.cost + f.cost + LINE + runt + own + (forced ? FORCED : 0), count: st.count + 1, state: st, last: t, joined: false });
}

function span(a: Atoms, s: number, e: number): [number, number] {
  const t = trim(a, s, e);
  return [t.s, t.e];
}
