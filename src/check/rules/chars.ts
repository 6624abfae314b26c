/** Character classes shared by the rules, on the project's one notion of a Han character (src/text/chars.ts). */
import { isHan } from '../../text/chars.js';

export { codePointLabel, isHan } from '../../text/chars.js';

/** Full-width (Chinese) punctuation, as used in running Chinese text. */
export const CJK_PUNCT = '，。、；：？！“”‘’（）《》【】〈〉「」『』〔〕…—·';

export function isCjkPunct(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && CJK_PUNCT.includes(ch);
}

/** Han or Chinese punctuation: the context in which half-width punctuation is a mistake. */
export function isChinese(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isAsciiAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-9A-Za-z]$/.test(ch);
}

/** Whitespace inside a line: ASCII space, tab, ideographic space, no-break space. */
export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as a number; NaN for anything else. */
export function parseChineseNumber(s: string): number {
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return NaN;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? DIGITS[a]! : NaN;
  return (a ? DIGITS[a]! : 1) * 10 + (b ? DIGITS[b]! : 0);
}

const UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 … 99 in Chinese numerals (for "expected 二" messages). */
export function chineseNumber(n: number): string {
  if (n < 10) return UNITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : UNITS[tens]}十${UNITS[n % 10]}`;
}
