/**
 * Generators for the robustness suite: random issues (section/item structures) whose text mixes ordinary Chinese
 * with the characters that break tools — CJK Ext-A/B, emoji, combining marks, RTL, control and format characters,
 * very long words and numbers, empty strings — and the "what must survive" comparison used on the PDF's text layer.
 */
import fc from 'fast-check';

const range = (from: number, to: number) => fc.integer({ min: from, max: to }).map((cp) => String.fromCodePoint(cp));
const pick = (s: string) => fc.constantFrom(...[...s]);

export interface GenOptions {
  /**
   * Hebrew and Arabic. pdftotext applies the Unicode bidi algorithm to any line holding an RTL character, so the
   * order of that line's characters in its output (neutral marks around the RTL letters included) is visual, not
   * the content stream's: the PDF property leaves RTL out, and the layout property (glyph texts) covers its order.
   */
  rtl: boolean;
}

/** One "character" of issue text, weighted towards what bulletins contain. */
export const charArb = (o: GenOptions): fc.Arbitrary<string> => fc.oneof(
  { weight: 8, arbitrary: range(0x4e00, 0x9fa5) }, // common Han
  { weight: 3, arbitrary: pick('，。、；：？！“”‘’（）《》【】——…·％') },
  { weight: 3, arbitrary: pick('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') },
  { weight: 1, arbitrary: pick(' .,;:!?()[]{}<>/\\\'"-_+=*&^%$#@~`|') },
  { weight: 1, arbitrary: range(0x3400, 0x4dbf) }, // CJK Ext-A
  { weight: 1, arbitrary: range(0x20000, 0x2a6df) }, // CJK Ext-B (astral)
  { weight: 1, arbitrary: range(0x1f300, 0x1f64f) }, // emoji
  { weight: 1, arbitrary: range(0x0300, 0x036f) }, // combining marks
  { weight: o.rtl ? 1 : 0, arbitrary: fc.oneof(range(0x05d0, 0x05ea), range(0x0627, 0x064a)) }, // Hebrew, Arabic (RTL)
  { weight: 1, arbitrary: fc.oneof(range(0x01, 0x1f), range(0x7f, 0x9f)) }, // C0/C1 controls
  { weight: 1, arbitrary: pick('\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202e\u2066\ufeff\u00ad\u3000\u00a0') }, // format/space
  { weight: 1, arbitrary: pick('ÀéñßøÆœ') },
);

/** A piece of text: a few characters, sometimes a very long word or number, sometimes empty. */
export const textArb = (o: GenOptions): fc.Arbitrary<string> => fc.oneof(
  { weight: 60, arbitrary: fc.array(charArb(o), { minLength: 1, maxLength: 60 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.integer({ min: 80, max: 400 }).map((n) => 'supercalifragilistic'.repeat(Math.ceil(n / 20)).slice(0, n)) },
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 300 }).map((n) => '1234567890'.repeat(Math.ceil(n / 10)).slice(0, n)) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 200 }).map((n) => '囍'.repeat(n)) },
  { weight: 1, arbitrary: fc.constant('') },
);

export interface GenItem {
  title?: string;
  body: string[];
  source?: string;
}
export interface GenSection {
  label: string;
  style: 'items' | 'bullets';
  numbered: boolean;
  listed: boolean;
  items: GenItem[];
}
export interface GenIssue {
  name: string;
  number: number;
  sections: GenSection[];
}

export function issueArb(o: GenOptions): fc.Arbitrary<GenIssue> {
const text = textArb(o);
const item: fc.Arbitrary<GenItem> = fc.record(
  { title: text, body: fc.array(text, { minLength: 1, maxLength: 3 }), source: text },
  { requiredKeys: ['body'] },
);

const section: fc.Arbitrary<GenSection> = fc.record({
  label: text,
  style: fc.constantFrom('items' as const, 'bullets' as const),
  numbered: fc.boolean(),
  listed: fc.boolean(),
  items: fc.array(item, { minLength: 1, maxLength: 4 }),
});

return fc.record({
  name: fc.oneof({ weight: 4, arbitrary: fc.constant('测试信息') }, { weight: 1, arbitrary: text }),
  number: fc.integer({ min: 1, max: 999 }),
  sections: fc.array(section, { minLength: 1, maxLength: 4 }),
});
}

/**
 * YAML double-quoted scalar: JSON escapes are YAML escapes (\uXXXX included), so any string round-trips. Control
 * and format characters JSON leaves raw (DEL, C1, bidi, BOM) are escaped too: raw, the file is not text.
 */
const q = (s: string) => JSON.stringify(s).replace(/[\u007f-\u009f\p{Cf}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The issue as a self-contained YAML file (series settings inline, no series file needed). */
export function toYaml(g: GenIssue): string {
  const out = [`name: ${q(g.name)}`, 'offices:', '  - 测试办公室', `number: ${g.number}`, 'date: 2026-05-21', 'sections:'];
  for (const s of g.sections) {
    out.push(`  - label: ${q(s.label)}`, `    style: ${s.style}`, `    numbered: ${s.numbered}`, `    listed: ${s.listed}`, '    items:');
    for (const it of s.items) {
      out.push(`      - body:`);
      for (const p of it.body) out.push(`          - ${q(p)}`);
      if (it.title !== undefined) out.push(`        title: ${q(it.title)}`);
      if (it.source !== undefined) out.push(`        source: ${q(it.source)}`);
    }
  }
  return out.join('\n') + '\n';
}

/** The issue's own text in reading order: name, then per section its label and per item title, body, source. */
export function readingOrder(g: GenIssue): string {
  return [g.name, ...g.sections.flatMap((s) => [s.label, ...s.items.flatMap((it) => [it.title ?? '', ...it.body, it.source ?? ''])])].join('');
}

/**
 * Characters the text layer is not required to carry (documented in test/robustness/README.md):
 * - whitespace (line breaks, spaces, U+3000, NBSP): the layout turns them into positions, not glyphs;
 * - control (Cc) and format (Cf) characters: no visible glyph (bidi marks, ZWJ/ZWSP, soft hyphen, BOM);
 * - line/paragraph separators (Zl, Zp);
 * - combining marks (Mn): text extractors attach or reorder them relative to their base;
 * - characters no font has (the build reports each; with --allow-missing-glyphs it is a blank box).
 */
export function exempt(ch: string, missing: ReadonlySet<string>): boolean {
  return /[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}\p{Mn}\p{Cs}]/u.test(ch) || missing.has(ch);
}

/**
 * The characters of `expected` that are not exempt and are not found, in order, in `actual`: expected must be an
 * ordered subsequence of actual (actual has more: numbers, brackets, dates, the contents list, page numbers).
 * Both sides are NFD-normalised (so a base letter and its marks compare the same however they were composed, and
 * pieces joined in reading order cannot compose across their boundary) and compared by code point.
 */
export function lostCharacters(expected: string, actual: string, missing: ReadonlySet<string> = new Set()): string[] {
  const want = [...expected.normalize('NFD')].filter((c) => !exempt(c, missing));
  const have = [...actual.normalize('NFD')].filter((c) => !exempt(c, missing));
  const lost: string[] = [];
  let j = 0;
  for (const c of want) {
    let k = j;
    while (k < have.length && have[k] !== c) k++;
    if (k === have.length) lost.push(c);
    else j = k + 1;
  }
  return lost;
}
