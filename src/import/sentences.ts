/**
 * The small text judgements both recognisers make: where a lead sentence ends, whether a paragraph ends a
 * sentence (or was cut by a page break), what a trailing （来源） or a "来源：" line holds, and titles compared
 * without the spaces a contents line may add ("北京推出 22 项" is "北京推出22项").
 */

const OPEN = '“‘（(《〈「『【〔［[';
const CLOSE = '”’）)》〉」』】〕］]';
/** Marks that end a lead sentence. */
const LEAD_END = '。！？!?';

/**
 * The lead sentence of a paragraph: up to the first 。！？ outside quotes and brackets. The title keeps a ！ or ？
 * (it is part of the words) and drops the 。 (the typesetter adds it back when it runs the title in).
 */
export function leadSentence(text: string): { title: string; rest: string } | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && LEAD_END.includes(ch)) {
      const title = (ch === '。' ? text.slice(0, i) : text.slice(0, i + 1)).trim();
      if (title === '') return undefined;
      return { title, rest: text.slice(i + 1).trim() };
    }
  }
  return undefined;
}

/**
 * Whether a paragraph ends where a sentence (or a clause a list follows) ends. One that does not — "…服务模式，"
 * or "…暖“新”驿站，整合休息补给、政" — was cut by a page break and goes on in the next paragraph.
 */
export function endsSentence(text: string): boolean {
  const t = text.replace(/[”’」』]+$/, '');
  return /[。！？!?…；;：:]$/.test(t);
}

/** Joins the two halves of a paragraph cut by a page break: no space between Chinese, one between two words. */
export function joinCut(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : `${a}${b}`;
}

/** A plausible source: a short name, no sentence punctuation. */
function plausibleSource(s: string): boolean {
  const t = s.trim();
  return t.length >= 2 && t.length <= 30 && !/[。，,；;！？!?：:“”]/.test(t) && /\p{Script=Han}/u.test(t);
}

export interface FoundSource {
  source: string;
  /** The text before the source (empty when the source was the whole paragraph). */
  before: string;
  /** Written in half-width brackets, (综合来稿): still the source, but worth a comment. */
  halfWidth: boolean;
  /** Written as "来源：…" / "供稿：…" rather than in brackets. */
  labelled: boolean;
}

const LABELLED = /^[（(]?\s*(?:来源|供稿|供稿单位|稿件来源|信息来源|报送单位|来稿单位)\s*[：:]\s*(.+?)\s*[)）]?$/;

/**
 * A source closing a paragraph: "…。（区发改局）", a paragraph that is only "（区民卫局）" or "(综合来稿)", or a
 * "来源：区发改局" / "供稿：…" line. A bracket after text that does not end a sentence ("…市集（第一期）") is part of
 * the sentence, not a source.
 */
export function trailingSource(text: string): FoundSource | undefined {
  const labelled = LABELLED.exec(text);
  if (labelled && plausibleSource(labelled[1]!)) return { source: labelled[1]!.trim(), before: '', halfWidth: false, labelled: true };
  const m = /^(.*?)\s*([（(])\s*([^（）()]+?)\s*([)）])$/.exec(text);
  if (!m) return undefined;
  const before = m[1]!;
  const source = m[3]!;
  if (!plausibleSource(source)) return undefined;
  if (before !== '' && !/[。！？!?…”’」』]$/.test(before)) return undefined;
  return { source, before, halfWidth: m[2] === '(' || m[4] === ')', labelled: false };
}

/** A title as compared with a contents line: without spaces, and with full-width letters and digits as ASCII. */
export function compact(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/[\uff01-\uff5e]/g, (c) => (/[０-９Ａ-Ｚａ-ｚ]/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c))
    .replace(/。$/, '');
}

/** A bullet that opens a brief: •, ●, ·, ▪, ◆, ■, ○, ◇, ※, ★. */
export const BULLET = /^[•●·▪◆■○◇※★・]\s*/;

/** 【动态】 on a line of its own (also 〖…〗 and ［…］); the label without brackets. */
export function sectionLabel(text: string): string | undefined {
  const m = /^[【〖［\[]\s*([^【】〖〗［］[\]]{1,12}?)\s*[】〗］\]]$/.exec(text);
  return m ? m[1] : undefined;
}

/** 编者按：… or 【编者按】… opening a paragraph: the note's text. */
export function editorsNote(text: string): string | undefined {
  const m = /^(?:【编者按】|编者按\s*[：:])\s*(.*)$/.exec(text);
  return m ? m[1]!.trim() : undefined;
}
