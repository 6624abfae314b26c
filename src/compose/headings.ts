/**
 * Headings inside an article's body, numbered as GB/T 9704 §7.3.3 numbers levels: 一、 in 黑体, （一） in 楷体,
 * 1. in 仿宋 bold. Editors write them as ordinary paragraphs; the level is read from the paragraph's start. A
 * heading that ends in a sentence mark and runs on (（一）加强领导。全区……) is set run-in: the heading in its face,
 * the rest as body text.
 */
import type { FontRole } from '../issue/model.js';

export interface Heading {
  level: 1 | 2 | 3;
  /** Characters of the paragraph that are the heading (all of it when it stands alone). */
  length: number;
}

const LEVELS: [RegExp, Heading['level']][] = [
  [/^[一二三四五六七八九十]+、/, 1],
  [/^（[一二三四五六七八九十]+）/, 2],
  [/^[0-9]+[.．](?![0-9])/, 3],
];

/** The heading a paragraph starts with, or undefined for body text. */
export function headingOf(text: string): Heading | undefined {
  const hit = LEVELS.find(([re]) => re.test(text));
  if (!hit) return undefined;
  const end = /[。！？]/.exec(text);
  const length = end && end.index + 1 < text.length ? end.index + 1 : text.length;
  return { level: hit[1], length };
}

/** The face of each level: 黑体, 楷体, and the body's 仿宋 drawn bold. */
export const HEADING_FACE: Record<Heading['level'], { role: FontRole; bold?: true }> = {
  1: { role: 'heading' },
  2: { role: 'kai' },
  3: { role: 'body', bold: true },
};
