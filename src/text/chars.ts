/**
 * What counts as a Chinese (Han) character, and how a character is named in messages (U+5586): one definition for
 * the loader, the editorial rules, the build and `bulletin fonts`. (The line breaker's own classes, which treat kana
 * and hangul like Han, are src/typeset/text/classes.ts.)
 */

const HAN = /\p{Script=Han}/u;

/** A Han character (CJK ideograph, including 〇). */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && HAN.test(ch);
}

/** How many Han characters `text` holds. */
export function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/** "U+5586": a character's code point as messages show it. */
export function codePointLabel(ch: string): string {
  return codePointLabelOf(ch.codePointAt(0)!);
}

export function codePointLabelOf(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
