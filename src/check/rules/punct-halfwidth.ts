/**
 * punct-halfwidth: half-width , . : ; ? ! ( ) " ' used in Chinese text → full-width (GB/T 15834).
 * Deliberately conservative, because the fix is automatic: a mark is changed only when a neighbour is
 * Chinese (Han or Chinese punctuation). So "1.4万", "6.0", "10:30", "1,000", "(GS)" codes and URLs stay.
 */
import type { Rule, Finding, TextEdit } from './types.js';
import type { Text } from '../../issue/model.js';
import { isAsciiAlnum, isAsciiDigit, isChinese, isCjkPunct, isHan, isSpace } from './chars.js';
import { textsOf } from './texts.js';

const SIMPLE: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/** URLs and e-mail addresses, where ASCII punctuation is part of the address. */
const ADDRESS = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s，。；！？（）“”、《》]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

function addressMask(t: string): boolean[] {
  const mask = new Array<boolean>(t.length).fill(false);
  for (const m of t.matchAll(ADDRESS)) for (let i = m.index; i < m.index + m[0].length; i++) mask[i] = true;
  return mask;
}

/** Index of the nearest non-space character before/after i (or -1 / t.length). */
function prevSolid(t: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && isSpace(t[j])) j--;
  return j;
}
function nextSolid(t: string, i: number): number {
  let j = i + 1;
  while (j < t.length && isSpace(t[j])) j++;
  return j;
}

/** Whether the `.` at i ends a list number: digits (no %) at the start of the text or after punctuation or a space. */
function listNumber(t: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isAsciiDigit(t[j])) j--;
  if (j === i - 1) return false;
  return j < 0 || isSpace(t[j]) || (isCjkPunct(t[j]) && !'”’）》'.includes(t[j]!));
}

function finding(text: Text, offset: number, char: string, replacement: string, fix?: TextEdit[]): Finding {
  return { at: { text, ref: text.ref }, offset, data: { char, replacement }, fix, messageId: fix ? undefined : 'unpaired' };
}

export function checkText(text: Text): Finding[] {
  const t = text.text;
  const masked = addressMask(t);
  const out: Finding[] = [];

  // , ; : ? ! — the spaces a typist put around the mark go too: a full-width mark carries its own space.
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (masked[i]) continue;
    const full = SIMPLE[ch];
    if (full) {
      const p = prevSolid(t, i);
      const n = nextSolid(t, i);
      if (!isChinese(t[p]) && !isChinese(t[n])) continue;
      // "10:30" or "1,000" right next to each other stays even beside Han ("下午3:30开会" is a time).
      if (/[0-9]/.test(t[i - 1] ?? '') && /[0-9]/.test(t[i + 1] ?? '')) continue;
      out.push(finding(text, i, ch, full, [{ start: p + 1, end: n, text: full }]));
    } else if (ch === '.') {
      const p = t[i - 1];
      const n = t[i + 1];
      // A full stop after Chinese, not a decimal point, an abbreviation or an ellipsis; or after a figure that ends a
      // Chinese sentence ("增长12%.一是", "共3个.二是"), but not a list number ("1.加强管理" at the start of a clause).
      const afterFigure = (p === '%' || isAsciiDigit(p)) && isHan(n) && !listNumber(t, i);
      if (!(isHan(p) || (isCjkPunct(p) && '”’）》'.includes(p!)) || afterFigure)) continue;
      if (isAsciiAlnum(n) || n === '.') continue;
      const end = nextSolid(t, i) >= t.length ? t.length : i + 1;
      out.push(finding(text, i, '.', '。', [{ start: i, end, text: '。' }]));
    }
  }

  out.push(...parens(text, masked), ...quotes(text, masked, '"', '“', '”'), ...quotes(text, masked, "'", '‘', '’'));
  return out.sort((a, b) => a.offset - b.offset);
}

/** ( ) in pairs: converted when the pair holds Chinese ("(综合来稿)"), left alone for codes ("(GS)"). */
function parens(text: Text, masked: boolean[]): Finding[] {
  const t = text.text;
  const out: Finding[] = [];
  const stack: number[] = [];
  const lone: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (masked[i]) continue;
    if (t[i] === '(') stack.push(i);
    else if (t[i] === ')') {
      const o = stack.pop();
      if (o === undefined) {
        lone.push(i);
        continue;
      }
      if ([...t.slice(o + 1, i)].some((c) => isChinese(c))) {
        out.push(finding(text, o, '()', '（）', [
          { start: o, end: o + 1, text: '（' },
          { start: i, end: i + 1, text: '）' },
        ]));
      }
    }
  }
  // A lone half-width bracket beside Chinese ("（综合来稿)") is a mistyped full-width one.
  for (const i of [...stack, ...lone]) {
    if (isChinese(t[i - 1]) || isChinese(t[i + 1])) {
      const full = t[i] === '(' ? '（' : '）';
      out.push(finding(text, i, t[i]!, full, [{ start: i, end: i + 1, text: full }]));
    }
  }
  return out;
}

/** Straight quotes taken in order as open/close pairs; converted when the pair is in Chinese. */
function quotes(text: Text, masked: boolean[], q: string, open: string, close: string): Finding[] {
  const t = text.text;
  const near = (i: number) => isChinese(t[i - 1]) || isChinese(t[i + 1]);
  // An apostrophe inside a Latin word ("don't") is not a quote.
  const marks: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== q || masked[i]) continue;
    if (q === "'" && !near(i)) continue;
    marks.push(i);
  }
  const out: Finding[] = [];
  for (let k = 0; k + 1 < marks.length; k += 2) {
    const o = marks[k]!;
    const c = marks[k + 1]!;
    if (near(o) || near(c) || [...t.slice(o + 1, c)].some((ch) => isHan(ch))) {
      out.push(finding(text, o, q + q, open + close, [
        { start: o, end: o + 1, text: open },
        { start: c, end: c + 1, text: close },
      ]));
    }
  }
  if (marks.length % 2 === 1) {
    const i = marks[marks.length - 1]!;
    if (near(i)) out.push(finding(text, i, q, open + close));
  }
  return out;
}

export const punctHalfwidth: Rule = {
  id: 'punct-halfwidth',
  defaultSeverity: 'error',
  fixable: true,
  description: { zh: '中文中应使用全角标点', en: 'Chinese text takes full-width punctuation' },
  messages: (d, id) =>
    id === 'unpaired'
      ? { zh: `中文中的半角引号“${d.char}”没有配对，应改为全角“${d.replacement}”`, en: `unpaired half-width quote ${d.char} in Chinese text; use ${d.replacement}` }
      : { zh: `中文中使用了半角标点“${d.char}”，应为全角“${d.replacement}”`, en: `half-width ${d.char} in Chinese text; use full-width ${d.replacement}` },
  check: (ctx) => textsOf(ctx.issue).flatMap((s) => checkText(s.text)),
};
