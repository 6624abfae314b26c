import { expect, test } from 'vitest';
import { Flow } from '../../src/typeset/lines.js';
import { AtomBuilder } from '../../src/typeset/text/atoms.js';
import { setParagraph } from '../../src/typeset/paragraph.js';
import { fakeFonts } from './fake-font.js';
import { MEASURE, han, inkEnd, lineText, span } from './helpers.js';

test('a paragraph can be set one line longer, its lines still justified, its text unchanged', () => {
  const builder = new AtomBuilder(fakeFonts());
  // The last line holds 26 of 28: three lines giving up one character each push it over.
  const text = han(28 * 5 + 25) + '。';
  const flow = new Flow();
  flow.add((from) => setParagraph(builder, { spans: [span(text)], width: MEASURE, align: 'justify', ...(from === undefined ? {} : { narrow: { from, by: 16 } }) }), 16, {}, true);
  const before = flow.lines();
  expect(before).toHaveLength(6);
  const undo = flow.loosen(0);
  expect(undo).toBeDefined();
  const after = flow.lines();
  expect(after).toHaveLength(7);
  expect(after.map((l) => lineText(l.line)).join('')).toBe(text);
  for (const l of after.slice(0, -1)) expect(Math.abs(inkEnd(l.line) - MEASURE)).toBeLessThan(0.01);
  // Only the last lines were re-broken: the first ones are as before.
  expect(lineText(after[0]!.line)).toBe(lineText(before[0]!.line));
  undo!();
  expect(flow.lines()).toHaveLength(6);
});

test('labels are never loosened', () => {
  const builder = new AtomBuilder(fakeFonts());
  const flow = new Flow();
  flow.add(() => setParagraph(builder, { spans: [span('【动态】')], width: MEASURE, align: 'left' }), 16, { keepWithNext: true });
  expect(flow.loosen(0)).toBeUndefined();
});
