/**
 * The words and numbering formats the bulletin puts on paper itself: the date line, the issue line, 本期目录：,
 * 编者按：, 责任编辑：, 共印 N 份, the page number's dashes, a contents entry for an item without a title. Every
 * output says them the same way because they are said here once.
 */
import type { IssueDate } from '../issue/model.js';

/** 2026 年 5 月 21 日 */
export function formatDate(date: IssueDate): string {
  return `${date.year} 年 ${date.month} 月 ${date.day} 日`;
}

/** 第 22 期（2026 年 48 期） */
export function formatIssueLine(number: number, yearNumber: number | undefined, year: number): string {
  return yearNumber === undefined ? `第 ${number} 期` : `第 ${number} 期（${year} 年 ${yearNumber} 期）`;
}

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
