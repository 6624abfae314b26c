import { AtomBuilder, type Span } from '../../src/typeset/text/atoms.js';
import { setParagraph, type ParagraphSpec, type SetLine } from '../../src/typeset/paragraph.js';
import { fakeFace, fakeFonts } from './fake-font.js';
import type { FontFace } from '../../src/typeset/types.js';

/** 16 pt text in the fake font: Han 16 pt wide, Latin 8 pt; a 28-character measure is 448 pt. */
export const SIZE = 16;
export const MEASURE = 28 * SIZE;

export const span = (text: string, extra: Partial<Span> = {}): Span => ({ text, role: 'body', size: SIZE, ...extra });

export function set(text: string, spec: Partial<ParagraphSpec> = {}, faces: FontFace[] = [fakeFace()]) {
  const builder = new AtomBuilder(fakeFonts(...faces));
  return setParagraph(builder, { spans: [span(text)], width: MEASURE, align: 'justify', ...spec });
}

export const lineText = (l: SetLine): string => l.runs.map((r) => r.texts.join('')).join('');
export const texts = (lines: SetLine[]): string[] => lines.map(lineText);

/** Where the line's last glyph ends, the half-width blank of a closing mark at the end not counted. */
export function inkEnd(l: SetLine): number {
  const r = l.runs[l.runs.length - 1]!;
  const i = r.xs.length - 1;
  const last = r.texts[i]!;
  const adv = r.advances[i]!;
  return r.xs[i]! + ('，。、；：？！）」』”’》〉】'.includes(last) ? adv / 2 : adv);
}

/** Han numerals as filler text of a known length. */
export const han = (n: number): string => '一二三四五六七八九十'.repeat(Math.ceil(n / 10)).slice(0, n);
