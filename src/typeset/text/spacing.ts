/**
 * The spacing and gluing of atoms that depend on their neighbours (clreq): adjacent punctuation compressed to
 * 1.5 em, the ¼ em between Han and Latin letters or digits, numbers kept with their units, —— and …… never split,
 * a no-break span kept whole.
 */
import { Cls, isDigit, isUnit } from './classes.js';
import type { Atoms } from './store.js';

const isPunct = (c: Cls): boolean => c === Cls.Open || c === Cls.Close || c === Cls.Stop || c === Cls.Middle;

export function finish(a: Atoms): void {
  const { n, cls } = a;
  for (let i = 1; i < n; i++) {
    const p = cls[i - 1]!;
    const c = cls[i]!;
    // Two adjacent marks: 2 em → 1.5 em (clreq). Take the first mark's right blank, else the second's left blank.
    if (isPunct(p) && isPunct(c)) {
      if (a.rb[i - 1]! > 0) {
        a.w[i - 1]! -= a.rb[i - 1]!;
        a.rb[i - 1] = 0;
        a.sqR[i - 1] = 0;
      } else if (c === Cls.Open && a.sqL[i]! > 0) {
        const cut = a.sqL[i]! * 2;
        a.w[i]! -= cut;
        a.shift[i]! += cut;
        a.sqL[i] = 0;
      }
    }
    // ¼ em between Han and Latin letters or digits; none next to punctuation (dashes included: 1—2 月).
    const size = spanSize(a, i);
    if ((p === Cls.Ideo && c === Cls.Latin && ALNUM.test(firstText(a, i))) || (p === Cls.Latin && c === Cls.Ideo && ALNUM.test(lastChar(a, i - 1)))) {
      a.gap[i] = size / 4;
    }
    // A space written between Han and Latin is that same ¼ em; next to punctuation it takes no room.
    if (c === Cls.Space && i + 1 < n) {
      const q = cls[i + 1]!;
      // A word space between Latin words and the Han–Latin space are both ¼ em.
      a.w[i] = isPunct(p) || isPunct(q) || p === Cls.Space ? 0 : size / 4;
    }
    // Never split —— or ……
    if (p === Cls.Dash && c === Cls.Dash) a.glue[i - 1] = true;
  }
  // A number stays with the character after it and with the units that follow (2026年, 380亿元, 1.4万余家).
  for (let i = 0; i + 1 < n; i++) {
    if (cls[i] !== Cls.Latin || cls[i + 1] !== Cls.Ideo) continue;
    const last = lastText(a, i);
    if (!isDigit(last.charCodeAt(last.length - 1)) && !last.endsWith('%')) continue;
    a.glue[i] = true;
    for (let k = i + 1; k + 1 < n && cls[k + 1] === Cls.Ideo && isUnit(firstText(a, k)) && isUnit(firstText(a, k + 1)); k++) a.glue[k] = true;
  }
  // A span that must stay whole (共印 N 份) holds its atoms together, its spaces too.
  for (let i = 0; i + 1 < n; i++) if (a.sp[i] === a.sp[i + 1] && a.spans[a.sp[i]!]!.noBreak) a.glue[i] = true;
}

const spanSize = (a: Atoms, i: number): number => a.spans[a.sp[i]!]!.size;

const firstText = (a: Atoms, i: number): string => a.glyphs.text[a.g0[i]!] ?? '';
const lastChar = (a: Atoms, i: number): string => {
  const t = lastText(a, i);
  return t.slice(t.length - 1);
};
/** The Han–Latin space goes beside letters and digits only: not beside "(", "," or "+" (区委(扩大)会议). */
const ALNUM = /^[\p{L}\p{N}]/u;
const lastText = (a: Atoms, i: number): string => a.glyphs.text[a.g0[i + 1]! - 1] ?? '';
