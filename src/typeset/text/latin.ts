/**
 * Where a run of Latin text (letters, digits and ASCII punctuation, no spaces) may break inside itself. A URL or
 * an e-mail address breaks only after / . - _ ? & = @ (no hyphen is added, and at least two characters stay on
 * either side); any other run breaks where UAX #14 allows (after a hyphen or a slash, never inside a number), from
 * the `linebreak` package rather than rules of our own. The Chinese 禁则 stay in classes.ts.
 */
import LineBreaker from 'linebreak';
import { addresses } from './addresses.js';

export interface LatinBreak {
  /** UTF-16 offset in the run where the next piece starts. */
  at: number;
  /** A break inside a URL or e-mail address (never hyphenated), or inside a word (after its own hyphen or slash). */
  kind: 'url' | 'word';
}

/**
 * What a break inside a run costs the line breaker (in the units of justify.ts, where a line set a little loose
 * costs about 20): inside an address a little, after a word's own hyphen more; a word wider than the measure has
 * to be cut somewhere, so where costs nothing.
 */
export const URL_BREAK = 10;
export const WORD_BREAK = 40;
export const CUT_BREAK = 0;

/** What a URL may break after. */
const URL_MARKS = new Set('/.-_?&=@');
/** Runs UAX #14 has no break inside: letters, digits, and the marks of numbers (1,234.56, 90%). */
const PLAIN = /^[\p{L}\p{M}\p{N}.,:%'’]*$/u;
/** Characters left on either side of a break inside a run. */
const MIN_SIDE = 2;

/** Break opportunities inside `run`, in order, and the addresses it holds. */
export function latinBreaks(run: string): { breaks: LatinBreak[]; urls: [number, number][] } {
  const urls = addresses(run);
  const out: LatinBreak[] = [];
  for (const [u0, u1] of urls) {
    for (let i = u0 + MIN_SIDE; i <= u1 - MIN_SIDE; i++) {
      // After the last of a row of marks: "https://" breaks after the second slash, not between them.
      if (URL_MARKS.has(run[i - 1]!) && !URL_MARKS.has(run[i]!)) out.push({ at: i, kind: 'url' });
    }
  }
  if (!PLAIN.test(run)) {
    const lb = new LineBreaker(run);
    for (let b = lb.nextBreak(); b; b = lb.nextBreak()) {
      const at = b.position;
      if (at < MIN_SIDE || at > run.length - MIN_SIDE) continue;
      if (urls.some(([u0, u1]) => at > u0 && at < u1)) continue;
      out.push({ at, kind: 'word' });
    }
  }
  return { breaks: out.sort((a, b) => a.at - b.at), urls };
}
