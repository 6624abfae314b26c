/** Prefix sums over a paragraph's atoms, so that what a line of atoms [s, e) needs is O(1) to find. */
import type { Atoms } from './atoms.js';
import { Cls } from './classes.js';

export class Measure {
  private readonly W: Float64Array;
  private readonly G: Float64Array;
  private readonly SQ: Float64Array;
  /** Adjustable spaces: Han–Latin spaces (before atom i) and word spaces (atom i). */
  private readonly HL: Int32Array;
  /** Boundaries before atom i that take the inter-character share of justification. */
  private readonly SP: Int32Array;
  /** Latin atoms. */
  private readonly LA: Int32Array;
  constructor(readonly a: Atoms) {
    const n = a.n;
    this.W = new Float64Array(n + 1);
    this.G = new Float64Array(n + 1);
    this.SQ = new Float64Array(n + 1);
    this.HL = new Int32Array(n + 1);
    this.SP = new Int32Array(n + 1);
    this.LA = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      this.W[i + 1] = this.W[i]! + a.w[i]!;
      this.G[i + 1] = this.G[i]! + a.gap[i]!;
      this.SQ[i + 1] = this.SQ[i]! + a.sqL[i]! + a.sqR[i]!;
      this.HL[i + 1] = this.HL[i]! + (a.gap[i]! > 0 ? 1 : 0) + (a.cls[i] === Cls.Space && a.w[i]! > 0 ? 1 : 0);
      this.SP[i + 1] = this.SP[i]! + (spreads(a, i) ? 1 : 0);
      this.LA[i + 1] = this.LA[i]! + (a.cls[i] === Cls.Latin ? 1 : 0);
    }
  }

  /**
   * Natural width of atoms [s, e) as a line: no Han–Latin space at its start, the last mark's blank cut, and the
   * hyphen of a word cut before atom e.
   */
  natural(s: number, e: number): number {
    if (e <= s) return 0;
    return this.W[e]! - this.W[s]! + this.G[e]! - this.G[s + 1]! - this.a.rb[e - 1]! + (e < this.a.n ? this.a.hy[e]! : 0);
  }

  /** Blank of mid-line punctuation that may be squeezed out of [s, e) (neither end gives any: the edges stay straight). */
  punct(s: number, e: number): number {
    if (e - s < 2) return 0;
    return this.SQ[e - 1]! - this.SQ[s]! - this.a.sqL[s]!;
  }

  /** The blank before an opening mark that starts the line (the last thing a squeeze takes: clreq allows it). */
  lead(s: number, e: number): number {
    return e > s && this.a.cls[s] === Cls.Open ? 2 * this.a.sqL[s]! : 0;
  }

  /** Han–Latin and word spaces inside [s, e) (a line trimmed of spaces at its ends). */
  spaces(s: number, e: number): number {
    return e - s < 2 ? 0 : this.HL[e]! - this.HL[s + 1]!;
  }

  /** Boundaries inside [s, e) between characters that take an even share of the justification. */
  boundaries(s: number, e: number): number {
    return e - s < 2 ? 0 : this.SP[e]! - this.SP[s + 1]!;
  }

  /** Glyphs in [s, e). */
  glyphs(s: number, e: number): number {
    return this.a.g0[e]! - this.a.g0[s]!;
  }

  /** Does [s, e) hold Latin letters or digits? */
  latin(s: number, e: number): boolean {
    return this.LA[e]! > this.LA[s]!;
  }

  /** Font size of the line starting at atom s: the em of its adjustments. */
  em(s: number): number {
    return this.a.spans[this.a.sp[s]!]!.size;
  }
}

/**
 * Does the boundary before atom i take the inter-character share? Not inside a word (the pieces of a URL), not
 * beside a space, not at a Han–Latin space: those have their own share.
 */
export function spreads(a: Atoms, i: number): boolean {
  if (i === 0) return false;
  return !a.join[i] && a.cls[i] !== Cls.Space && a.cls[i - 1] !== Cls.Space && !(a.gap[i]! > 0);
}
