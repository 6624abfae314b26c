/**
 * Where a run of Latin text (letters, digits and ASCII punctuation, no spaces) may break inside itself. A URL or
 * an e-mail address breaks after / . - _ ? & = @ (no hyphen is added, and at least two characters stay on either
 * side), elsewhere only at a cost that keeps it to lines made of nothing but the address; any other run breaks
 * where UAX #14 allows (after a hyphen or a slash, never inside a number), from the `linebreak` package rather
 * than rules of our own. The Chinese 禁则 stay in classes.ts.
 */
import LineBreaker from 'linebreak';
import { addresses } from './addresses.js';

export interface LatinBreak {
  /** UTF-16 offset in the run where the next piece starts. */
  at: number;
  /**
   * After a mark of a URL or e-mail address (never hyphenated); elsewhere inside one, for a line that holds
   * nothing but the address; inside a word, after its own hyphen or slash.
   */
  kind: 'url' | 'url-inside' | 'word';
  /**
   * What taking it costs the line breaker (in the units of justify.ts, where a line set a little loose costs
   * about 20, and one 10 % off the grid beside Latin text about 4,500): after an address's mark a little, after a
   * word's own hyphen more. Where its marks alone would leave a line short by a whole piece, an address may break
   * between letters and digits, or, last, anywhere: on a line that holds nothing but the address at `cost`, on one
   * that holds other text too at `cost + mixed` — only where every other way spaces a line out further.
   */
  cost: number;
  mixed?: number;
}

const URL_MARK = 10;
const URL_JOINT = { cost: 150, mixed: 600 };
const URL_ANY = { cost: 400, mixed: 5000 };
const WORD = 40;
/** A word wider than the measure has to be cut somewhere: where costs nothing. */
export const CUT_BREAK = 0;

/** What a URL may break after. */
const URL_MARKS = new Set('/.-_?&=@');
/** Runs UAX #14 has no break inside: letters, digits, and the marks of numbers (1,234.56, 90%). */
const PLAIN = /^[\p{L}\p{M}\p{N}.,:%'’]*$/u;
/** Characters left on either side of a break inside a run. */
const MIN_SIDE = 2;

const isLowSurrogate = (ch: string): boolean => ch >= '\udc00' && ch <= '\udfff';

/** Break opportunities inside `run`, in order, and the addresses it holds. */
export function latinBreaks(run: string): { breaks: LatinBreak[]; urls: [number, number][] } {
  const urls = addresses(run);
  const out: LatinBreak[] = [];
  for (const [u0, u1] of urls) {
    for (let i = u0 + MIN_SIDE; i <= u1 - MIN_SIDE; i++) {
      const before = run[i - 1]!;
      const after = run[i]!;
      // A mark ends a line, never starts one: after the last of a row of them ("https://" after both slashes).
      if (URL_MARKS.has(after) || isLowSurrogate(after)) continue;
      if (URL_MARKS.has(before)) out.push({ at: i, kind: 'url', cost: URL_MARK });
      else if (/\d/.test(before) !== /\d/.test(after)) out.push({ at: i, kind: 'url-inside', ...URL_JOINT });
      else out.push({ at: i, kind: 'url-inside', ...URL_ANY });
    }
  }
  if (!PLAIN.test(run)) {
    const lb = new LineBreaker(run);
    for (let b = lb.nextBreak(); b; b = lb.nextBreak()) {
      const at = b.position;
      if (at < MIN_SIDE || at > run.length - MIN_SIDE) continue;
      if (urls.some(([u0, u1]) => at > u0 && at < u1)) continue;
      out.push({ at, kind: 'word', cost: WORD });
    }
  }
  return { breaks: out.sort((a, b) => a.at - b.at), urls };
}
