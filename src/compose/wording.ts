/**
 * The words and numbering formats the bulletin puts on paper itself: the date line, the issue line, 本期目录：,
 * 编者按：, 责任编辑：, 共印 N 份, the page number's dashes, a contents entry for an item without a title. Every
 * output says them the same way because they are said here once.
 */
import type { ContentsTitle, Issue, IssueDate } from '../issue/model.js';

/** 2026 年 5 月 21 日 */
export function formatDate(date: IssueDate): string {
  return `${date.year} 年 ${date.month} 月 ${date.day} 日`;
}

/**
 * The issue line as offices write it: 第 22 期（2026 年 48 期）, 第 33 期（总第 192 期）, 2026 年第 48 期 (yearly
 * numbering), 增刊第 1 期 (a 增刊, 特刊 or 专刊 counts on its own and takes no total number).
 */
export function formatIssueLine(issue: Pick<Issue, 'number' | 'yearNumber' | 'totalNumber' | 'special'> & { date: { year: number }; series: { numbering?: 'yearly' } }): string {
  const { number, yearNumber, totalNumber, special } = issue;
  const year = issue.date.year;
  if (special) return `${special}第 ${number} 期`;
  const counts: string[] = [];
  let head = `第 ${number} 期`;
  if (issue.series.numbering === 'yearly') head = `${year} 年第 ${number} 期`;
  else if (yearNumber !== undefined) counts.push(`${year} 年 ${yearNumber} 期`);
  if (totalNumber !== undefined) counts.push(`总第 ${totalNumber} 期`);
  return counts.length ? `${head}（${counts.join('，')}）` : head;
}

/** The contents' heading: 本期目录： (or the series' word for it). */
export const contentsHeading = (title: ContentsTitle = '本期目录'): string => `${title}${WORDS.colon}`;

/** A subtitle as printed: ——关于… */
export const subtitled = (text: string): string => `${WORDS.subtitleDash}${text}`;

/** 附件说明: "附件：", and "1." before each name when there are several. */
export const attachmentLabel = (index: number, count: number): string => `${index === 0 ? WORDS.attachments : ''}${count > 1 ? `${index + 1}.` : ''}`;

/** The number of an item in the contents and in the bookmarks: "3." */
export const itemNumber = (n: number): string => `${n}.`;

/** A section's label as printed: 【动态】 (the label is the text between the brackets). */
export const sectionLabel = (label: string): string => `【${label}】`;

/** An item's source as printed: （区发改局）; the series line: （动态·摘报）. */
export const parenthesised = (text: string): string => `（${text}）`;

/** A contents entry's title shortened past this many characters. */
const CONTENTS_MAX = 40;

/**
 * The contents entry of an item without a title: its first sentence, without its 。, or the first 39 characters and
 * "…" when longer than 40. `written` is how many leading characters are the paragraph's own.
 */
export function contentsTitle(paragraph: string): { text: string; written: number } {
  const first = paragraph.split(/(?<=[。！？])/)[0] ?? paragraph;
  if (first.length > CONTENTS_MAX) return { text: `${first.slice(0, CONTENTS_MAX - 1)}…`, written: CONTENTS_MAX - 1 };
  const text = first.replace(/。$/, '');
  return { text, written: text.length };
}

export const WORDS = {
  contents: '本期目录：',
  note: '编者按：',
  subtitleDash: '——',
  attachments: '附件：',
  /** After a run-in title that does not end a sentence itself. */
  titleStop: '。',
  bullet: '•',
  editors: '责任编辑：',
  editorsJoin: '、',
  /** Between the serial and the print count on one line. */
  serialGap: '　',
  colon: '：',
  /** 共印 N 份 */
  printCount: { before: '共印 ', after: ' 份' },
  pageNumber: { prefix: '— ', suffix: ' —' },
} as const;

/** Sentence enders after which a run-in title needs no 。 of its own. */
export const ENDS_SENTENCE = /[。！？!?…]$/;
