/**
 * Character classes for Chinese line breaking and spacing (GB/T 15834-2011 §5.1, W3C clreq).
 * Full-width punctuation glyphs sit in half of their em box; the other half is "blank" that may be compressed.
 */
export const enum Cls {
  /** Han, kana, hangul, symbols without special rules: one grid cell. */
  Ideo = 0,
  /** Opening marks （「『《〈【〔“‘: blank on the left half. */
  Open = 1,
  /** Closing marks ）」』》〉】〕”’: blank on the right half. */
  Close = 2,
  /** Stops and pauses 、，。：；！？: blank on the right half. */
  Stop = 3,
  /** Middle dot ·・ between Han: blank on both sides (¼ em each). */
  Middle = 4,
  /** — and …: never split from a neighbour of the same kind, never at line start. */
  Dash = 5,
  /** Latin letters, digits and Latin punctuation: shaped in runs, never split. */
  Latin = 6,
  Space = 7,
  /** Zero-width and control characters: take no room and are not drawn. */
  Zero = 8,
}

const OPEN = new Set('（「『《〈【〔“‘〖〝﹙﹛﹝［｛＜');
const CLOSE = new Set('）」』》〉】〕”’〗〞﹚﹜﹞］｝＞');
const STOP = new Set('、，。：；！？．｡､');
const MIDDLE = new Set('·・‧');
const DASH = new Set('—…―⸺⸻');

/** Never at line start (GB/T 15834 §5.1.10; Word's zh-CN list). */
const NO_START = new Set('!%),.:;?]}¢°·’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠—―⸺⸻・ー々〻ゝゞヽヾ');
/** Never at line end. A bullet • never ends a line either: it belongs to the text after it. */
const NO_END = new Set('$([{£¥‘“〈《「『【〔〖〝﹙﹛﹝＄（［｛￡￥•');

export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    cp === 0x3007
  );
}

/**
 * Characters that take no room and need no glyph: controls, joiners, direction marks, soft hyphen, variation
 * selectors. They are left out of the layout (and out of font coverage).
 */
export function isZeroWidth(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp < 0xa0) ||
    cp === 0xad ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** Letters of alphabetic scripts, digits, combining marks and ASCII punctuation: set in shaped runs. */
function isLatinLike(cp: number): boolean {
  if (cp < 0x80) return cp > 0x20;
  // Latin-1 through Greek/Cyrillic/Hebrew/Arabic…, general punctuation like ‰ and letterlike symbols.
  if (cp >= 0xa0 && cp < 0x2e80 && !(cp >= 0x2000 && cp <= 0x206f && !'‰′″‹›‐‑‒–'.includes(String.fromCodePoint(cp)))) return true;
  // Full-width forms are CJK-width; half-width katakana etc. are not worth a special case.
  return false;
}

export function classify(cp: number): Cls {
  const ch = String.fromCodePoint(cp);
  // U+3000 is a full-width space: it keeps its em, like a character (内部资料　注意保存).
  if (cp === 0x3000) return Cls.Ideo;
  if (cp === 0x20 || cp === 0x09 || cp === 0xa0 || cp === 0x2028 || cp === 0x2029 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f) return Cls.Space;
  if (isZeroWidth(cp)) return Cls.Zero;
  if (OPEN.has(ch)) return Cls.Open;
  if (CLOSE.has(ch)) return Cls.Close;
  if (STOP.has(ch)) return Cls.Stop;
  if (DASH.has(ch)) return Cls.Dash;
  if (MIDDLE.has(ch)) return Cls.Middle;
  if (isHan(cp)) return Cls.Ideo;
  if (isLatinLike(cp)) return Cls.Latin;
  return Cls.Ideo;
}

export const noStart = (ch: string): boolean => NO_START.has(ch);
export const noEnd = (ch: string): boolean => NO_END.has(ch);
export const isDigit = (cp: number): boolean => cp >= 0x30 && cp <= 0x39;

/** Measure words and units that stay with the number before them: 2026年, 380亿元, 1.4万余家, 90%. */
const UNITS = new Set('年月日时分秒个家名人次场份项条元角万亿千百余多号期岁天周所处座栋户斤克吨米里批件套台辆位篇本张部届倍成度%‰℃㎡');
export const isUnit = (ch: string): boolean => UNITS.has(ch);
