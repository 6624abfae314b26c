/** What docx.js cannot write, added to styles.xml: a paragraph style off the document grid, in schema order. */
import { expect, it } from 'vitest';
import { snapOff } from '../../src/docx/pack.js';

const style = (id: string, inner: string): string => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${id}"/>${inner}</w:style>`;

it('puts w:snapToGrid before the spacing, adds a pPr where there is none, and leaves other styles alone', () => {
  const xml = `<w:styles>${style('A', '<w:pPr><w:keepNext/><w:spacing w:line="364"/><w:jc w:val="both"/></w:pPr><w:rPr/>')}${style('B', '<w:rPr><w:sz w:val="28"/></w:rPr>')}${style('C', '<w:pPr><w:spacing/></w:pPr>')}</w:styles>`;
  const out = snapOff(xml, ['A', 'B']);
  expect(out).toContain(style('A', '<w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:line="364"/><w:jc w:val="both"/></w:pPr><w:rPr/>'));
  expect(out).toContain(style('B', '<w:pPr><w:snapToGrid w:val="0"/></w:pPr><w:rPr><w:sz w:val="28"/></w:rPr>'));
  expect(out).toContain(style('C', '<w:pPr><w:spacing/></w:pPr>'));
  // Done once: a second pass changes nothing.
  expect(snapOff(out, ['A', 'B'])).toBe(out);
});
