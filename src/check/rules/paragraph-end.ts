/**
 * paragraph-end: a paragraph ends a sentence: 。！？ or ……, possibly followed by closing quotes or brackets
 * (……“拎包入住”。 / 他说：“好。”). What counts is the body text *before the source*: a paragraph that
 * carries its own source at the end, "……成效。（区发改局）", is judged by the "。" before the source.
 * A paragraph ending in "：" that introduces the next paragraph is fine.
 */
import type { Rule, Finding } from './types.js';
import type { Text } from '../../issue/model.js';
import { proseOf } from './texts.js';
import { headingOf } from '../../compose/headings.js';

const ENDERS = '。！？…';
const CLOSERS = '”’）》」』】〕';
/** A trailing source in brackets: （区发改局） or (综合来稿), short and without a sentence inside. */
const TRAILING_SOURCE = /[（(][^（()）。！？]{1,30}[）)]\s*$/u;

/** Offset just after the last character of the body text (before a trailing source and spaces). */
export function bodyEnd(t: string): number {
  let s = t.replace(/\s+$/u, '');
  const m = TRAILING_SOURCE.exec(s);
  // Whatever precedes the bracket is the body: "……成效（区发改局）" is reported at 效, where 。 belongs.
  if (m && m.index > 0) s = s.slice(0, m.index).replace(/\s+$/u, '');
  return s.length;
}

export function endsSentence(body: string): boolean {
  let k = body.length - 1;
  while (k >= 0 && CLOSERS.includes(body[k]!)) k--;
  return k >= 0 && ENDERS.includes(body[k]!);
}

export function checkText(text: Text, last: boolean): Finding[] {
  const end = bodyEnd(text.text);
  if (end === 0) return [];
  const body = text.text.slice(0, end);
  if (endsSentence(body)) return [];
  if (!last && body.endsWith('：')) return [];
  const ch = [...body].at(-1)!;
  return [{ at: { text, ref: text.ref }, offset: end - ch.length, data: { char: ch } }];
}

export const paragraphEnd: Rule = {
  id: 'paragraph-end',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '段落应以句号等句末点号结尾', en: 'A paragraph ends with 。 or another sentence-final mark' },
  messages: (d) => ({
    zh: `段落以“${d.char}”结尾，应以“。”（或！？……）结尾`,
    en: `paragraph ends with "${d.char}"; end it with "。" (or ！？……)`,
  }),
  check: (ctx) =>
    proseOf(ctx.issue).flatMap((s) => {
      // A heading standing alone in an article (一、主要做法) is not a sentence.
      if (s.section?.style === 'article' && s.kind === 'paragraph' && headingOf(s.text.text)?.length === s.text.text.length) return [];
      const paras = s.item?.paragraphs ?? [];
      return checkText(s.text, s.kind === 'note' || paras[paras.length - 1] === s.text);
    }),
};
