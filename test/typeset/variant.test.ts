/**
 * A justified paragraph set in one line fewer or more, every line still on the character grid (what pagination
 * uses to fill a page that widow control left short), and the Flow that offers it for body text only.
 */
import { expect, test } from 'vitest';
import { Flow } from '../../src/typeset/lines.js';
import { AtomBuilder } from '../../src/typeset/text/atoms.js';
import { setParagraph, type SetLine } from '../../src/typeset/paragraph.js';
import { fakeFonts } from './fake-font.js';
import { MEASURE, SIZE, han, inkEnd, lineText, set, span } from './helpers.js';

/** Steps between neighbouring Han characters of a line (the grid pitch is 16 pt in the fake font). */
function hanSteps(l: SetLine): number[] {
  const glyphs = l.runs.flatMap((r) => r.texts.map((t, i) => ({ t, x: r.xs[i]! })));
  const isHan = (t: string): boolean => /^\p{Script=Han}$/u.test(t);
  const out: number[] = [];
  for (let i = 1; i < glyphs.length; i++) if (isHan(glyphs[i - 1]!.t) && isHan(glyphs[i]!.t)) out.push(glyphs[i]!.x - glyphs[i - 1]!.x);
  return out;
}

// Short clauses: each line holds five or six commas whose blanks may be squeezed.
const clauses = (han(4) + '，').repeat(23) + han(2) + '。';

test('a paragraph with punctuation to squeeze is set a line shorter, its Han characters on the grid', () => {
  const p = set(clauses);
  const v = p.variant!(-1)!;
  expect(v).toBeDefined();
  expect(v.lines).toHaveLength(p.lines.length - 1);
  expect(v.lines.map(lineText).join('')).toBe(clauses);
  for (const l of v.lines.slice(0, -1)) {
    expect(Math.abs(inkEnd(l) - MEASURE)).toBeLessThan(0.01);
    for (const step of hanSteps(l)) expect(Math.abs(step - SIZE)).toBeLessThanOrEqual(0.02 * SIZE);
  }
});

test('a paragraph of Han characters alone has no shorter or longer setting on the grid', () => {
  const p = set(han(28 * 4 + 20) + '。');
  expect(p.lines).toHaveLength(5);
  expect(p.variant!(-1)).toBeUndefined();
  expect(p.variant!(1)).toBeUndefined();
});

test('the flow adjusts body paragraphs once, with an undo, and never labels', () => {
  const builder = new AtomBuilder(fakeFonts());
  const flow = new Flow();
  flow.add(() => setParagraph(builder, { spans: [span('【动态】')], width: MEASURE, align: 'left' }), 16, { keepWithNext: true });
  flow.add(() => setParagraph(builder, { spans: [span(clauses)], width: MEASURE, align: 'justify' }), 16, {}, true);
  expect(flow.adjust(0, -1)).toBeUndefined();
  const before = flow.lines().length;
  const undo = flow.adjust(1, -1)!;
  expect(undo).toBeDefined();
  expect(flow.lines()).toHaveLength(before - 1);
  expect(flow.adjust(1, -1)).toBeUndefined();
  undo();
  expect(flow.lines()).toHaveLength(before);
});
