/**
 * The masthead (报头: name, series line, 第N期（…年…期）, offices, date, 内部资料) and the distribution footer
 * (报尾: 送/报/发/抄送, 责任编辑, 共印 N 份, serial) of an issue as text. What belongs to the series goes into
 * `draft.series`; every line that fits nothing is reported, never dropped.
 */
import { msg } from '../i18n/lang.js';
import type { Block, Draft } from './types.js';

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 2026 or 二〇二六; 21 or 二十一 (a 公文's date is often written in Chinese numerals). */
function numberOf(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if ([...s].every((c) => c in CN_DIGITS)) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
  return undefined;
}

const NUM = '[0-9〇零Ｏ一二三四五六七八九十]';
const DATE = new RegExp(`(${NUM}{4})\\s*年\\s*(${NUM}{1,3})\\s*月\\s*(${NUM}{1,3})\\s*日`);

/** A real calendar day written as 2026 年 5 月 21 日 (or in Chinese numerals), as YYYY-MM-DD. */
export function dateOf(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [numberOf(m[1]!), numberOf(m[2]!), numberOf(m[3]!)];
  if (y === undefined || mo === undefined || d === undefined) return undefined;
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISSUE_LINE = /^第\s*(\d+)\s*期(?:\s*[（(]\s*(?:(\d{4})\s*年\s*)?(?:第\s*)?(\d+)\s*期\s*[)）])?$/;
const ISSUE_TOTAL = /^第\s*(\d+)\s*期\s*[（(]\s*总第\s*(\d+)\s*期\s*[)）]$/;
const SECURITY = /内部资料|注意保存|内部刊物|内部参阅|秘密|机密|不得外传/;
const ORG = /(办公室|委员会|人民政府|政府|局|委|办|厅|部|处|院|中心|街道|镇|乡|会|室|组|所|站|公司|集团|党委|党组|编)$/;

/** The blocks before 本期目录 (or the first 【label】). */
export function readMasthead(blocks: Block[], draft: Draft): void {
  const s = draft.series;
  let seenIssueLine = false;
  let issueYear: { year: number; at: number } | undefined;
  for (const b of blocks) {
    const t = b.text;
    let m: RegExpExecArray | null;
    if ((m = ISSUE_TOTAL.exec(t))) {
      draft.number = Number(m[1]);
      seenIssueLine = true;
      draft.skipped.push({ at: [b.at], message: msg(`“总第 ${m[2]} 期”：格式中还没有总期号，没有导入`, `"总第 ${m[2]} 期" (running total): the format has no such field yet; not imported`) });
    } else if ((m = ISSUE_LINE.exec(t))) {
      draft.number = Number(m[1]);
      if (m[3] !== undefined) draft.yearNumber = Number(m[3]);
      seenIssueLine = true;
      if (m[2] !== undefined) issueYear = { year: Number(m[2]), at: b.at };
    } else if (dateOf(t) && DATE.exec(t)!.index === 0 && t.replace(DATE, '').trim() === '') {
      draft.date = dateOf(t);
    } else if (dateOf(t) && s.name !== undefined && t.replace(DATE, '').trim() !== '' && t.search(DATE) > 0) {
      // "苏州市姑苏区党政办公室    2026 年 5 月 21 日": office left, date right, on one row.
      const office = t.slice(0, t.search(DATE)).trim();
      const after = t.slice(t.search(DATE)).replace(DATE, '').trim();
      (s.offices ??= []).push(office);
      draft.date = dateOf(t);
      if (after !== '') draft.skipped.push({ at: [b.at], message: msg(`报头日期后的“${after}”没有导入`, `"${after}" after the masthead date was not imported`) });
    } else if (SECURITY.test(t) && s.securityMark === undefined && t.length <= 20) {
      s.securityMark = t;
    } else if (s.name === undefined) {
      const paren = /^(.+?)\s*[（(]\s*(.+?)\s*[)）]$/.exec(t);
      if (paren) {
        s.name = paren[1]!;
        s.seriesLine = paren[2]!;
      } else s.name = t;
      if (s.name.length > 12) draft.guesses.push({ at: [b.at], message: msg(`第一行“${s.name}”作为简报名称，较长，请核对`, `the first line "${s.name}" was taken as the bulletin's name; it is long, please check`) });
    } else if (s.seriesLine === undefined && !seenIssueLine && (m = /^[（(]\s*(.+?)\s*[)）]$/.exec(t))) {
      s.seriesLine = m[1]!;
    } else if (draft.date === undefined && (seenIssueLine || ORG.test(t)) && t.length <= 40) {
      (s.offices ??= []).push(t);
      if (!ORG.test(t)) draft.guesses.push({ at: [b.at], message: msg(`“${t}”按编发单位导入`, `"${t}" was taken as an issuing office`) });
    } else {
      draft.skipped.push({ at: [b.at], message: msg(`报头中的“${t}”不知道是什么，没有导入`, `"${t}" in the masthead fits no field; not imported`) });
    }
  }
  // The format derives the year in （2026 年 48 期） from the date: a different year in the text is worth a word.
  if (issueYear && draft.date && Number(draft.date.slice(0, 4)) !== issueYear.year) {
    draft.guesses.push({
      at: [issueYear.at],
      message: msg(`期号行写的是 ${issueYear.year} 年，日期是 ${draft.date}；排版时年份取自日期`, `the issue line says ${issueYear.year} but the date is ${draft.date}; the typeset year comes from the date`),
    });
  }
}

const DISTRIBUTION = /^(送|报|发|抄送|抄报|分送|主送|报送)\s*[：:]\s*(.+)$/;
const EDITORS = /^(?:责任)?编辑\s*[：:]\s*(.+)$/;
const PRINT_COUNT = /^[（(]?\s*共印\s*(\d+)\s*份\s*[)）]?$/;
const SERIAL = /^(?:[（(][A-Za-z]{1,8}[)）].{0,24}号|.{0,12}(?:简字|准印|内资|内部资料性出版物).{0,20}号)$/;
const NOT_IN_FORMAT = /^(签发|审核|审稿|校对|联系电话|电话|传真|地址|邮编|网址|邮箱|联系人)\s*[：:]/;

/** Whether a paragraph opens the footer (nothing after it is body text). */
export function opensFooter(text: string): boolean {
  return DISTRIBUTION.test(text) || /^责任编辑\s*[：:]/.test(text) || PRINT_COUNT.test(text);
}

export function readFooter(blocks: Block[], draft: Draft): void {
  const s = draft.series;
  let last: 'distribution' | undefined;
  for (const b of blocks) {
    // A row may hold several fields: "责任编辑：刘德富、傅之尧　　共印 60 份".
    for (const part of b.text.split(/\s{2,}|\u3000+/).filter((p) => p !== '')) {
      let m: RegExpExecArray | null;
      if ((m = DISTRIBUTION.exec(part))) {
        (s.distribution ??= []).push({ label: m[1]!, recipients: m[2]!.trim() });
        last = 'distribution';
        continue;
      }
      const was = last;
      last = undefined;
      if ((m = EDITORS.exec(part))) s.editors = m[1]!.split(/[、，,；;\s]+/).filter((n) => n !== '');
      else if ((m = PRINT_COUNT.exec(part))) s.printCount = Number(m[1]);
      else if (SERIAL.test(part)) s.serial = part;
      else if (NOT_IN_FORMAT.test(part)) {
        draft.skipped.push({ at: [b.at], message: msg(`报尾的“${part}”：格式中没有这一项，没有导入`, `"${part}" in the footer: the format has no such field; not imported`) });
      } else if (was === 'distribution' && s.distribution && !/[：:]/.test(part)) {
        // Recipients too long for one line, wrapped when the PDF's text was copied.
        const line = s.distribution[s.distribution.length - 1]!;
        line.recipients += part;
        last = 'distribution';
        draft.guesses.push({ at: [b.at], message: msg(`“${part}”接在上一行“${line.label}：”的报送对象之后`, `"${part}" was added to the recipients of the "${line.label}:" line above`) });
      } else {
        draft.skipped.push({ at: [b.at], message: msg(`报尾的“${part}”不知道是什么，没有导入`, `"${part}" in the footer fits no field; not imported`) });
      }
    }
  }
}
