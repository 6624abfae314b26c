/**
 * Every text a BulletinDoc puts on paper, in the font role it is set in, with where it came from: what font
 * coverage is judged by (`bulletin check`'s font-coverage rule and `bulletin fonts`), so both see exactly what the
 * typesetter sets. A span is cut into its written part and the composition's wording around it.
 */
import type { FontRole, SourceRef } from '../issue/model.js';
import type { Block, BulletinDoc, DerivedText, Paragraph, Row, Span } from './doc.js';

export interface DocText {
  role: FontRole;
  text: string;
  /**
   * 'written': character i is character i of the value at `ref`; 'derived': made from the value at `ref` (`what`
   * says which line); 'wording': the composition's own words (【】, 编者按：, 责任编辑：…), written nowhere;
   * 'pageNumbers': the page numbers, for any N.
   */
  from: 'written' | 'derived' | 'wording' | 'pageNumbers';
  ref?: SourceRef;
  what?: DerivedText;
}

/** In reading order: the blocks' texts, then the page numbers' characters. */
export function docTexts(doc: BulletinDoc): DocText[] {
  const out: DocText[] = [];
  for (const block of doc.blocks) blockTexts(block, out);
  const p = doc.pageNumbers;
  out.push({ role: p.style.role, text: `${p.prefix}0123456789${p.suffix}`, from: 'pageNumbers' });
  return out;
}

/** All text of each role run together (for a coverage summary such as `bulletin fonts`). */
export function textByRole(doc: BulletinDoc): Record<FontRole, string> {
  const out: Record<FontRole, string> = { masthead: '', heading: '', kai: '', body: '', number: '' };
  for (const t of docTexts(doc)) out[t.role] += t.text;
  return out;
}

function blockTexts(block: Block, out: DocText[]): void {
  switch (block.kind) {
    case 'masthead':
    case 'footer':
      for (const row of block.rows) rowTexts(row, out);
      return;
    case 'contents':
      paragraphTexts(block.heading, out);
      for (const e of block.entries) {
        if (e.number) spanTexts(e.number, out);
        paragraphTexts(e.paragraph, out);
      }
      return;
    case 'section-label':
    case 'paragraph':
    case 'title':
      paragraphTexts(block, out);
      return;
    case 'figure':
      for (const p of block.photos) if (p.caption) paragraphTexts(p.caption, out);
      return;
    case 'table':
      if (block.title) paragraphTexts(block.title, out);
      for (const row of block.header ? [block.header, ...block.rows] : block.rows) for (const c of row) paragraphTexts(c.paragraph, out);
      return;
    case 'attachments':
      for (const p of block.paragraphs) paragraphTexts(p, out);
      return;
    case 'signature':
      spanTexts(block.organ, out);
      spanTexts(block.date, out);
      return;
    case 'space':
      return;
  }
}

function rowTexts(row: Row, out: DocText[]): void {
  switch (row.kind) {
    case 'text':
      return paragraphTexts(row.paragraph, out);
    case 'banner':
      return spanTexts(row.span, out);
    case 'pair':
      for (const p of row.left) paragraphTexts(p, out);
      return paragraphTexts(row.right, out);
    case 'rule':
      return;
  }
}

function paragraphTexts(p: Paragraph, out: DocText[]): void {
  if (p.hang) spanTexts(p.hang.label, out);
  for (const s of p.spans) spanTexts(s, out);
  if (p.trailer) spanTexts(p.trailer, out);
}

function spanTexts(s: Span, out: DocText[]): void {
  const push = (text: string, t: Omit<DocText, 'role' | 'text'>): void => {
    if (text !== '') out.push({ role: s.role, text, ...t });
  };
  const src = s.source;
  if (!src) return push(s.text, { from: 'wording' });
  if (src.kind === 'derived') return push(s.text, { from: 'derived', ref: src.ref, what: src.what });
  const start = src.skip ?? 0;
  const end = src.length === undefined ? s.text.length : start + src.length;
  push(s.text.slice(0, start), { from: 'wording' });
  push(s.text.slice(start, end), { from: 'written', ref: src.ref });
  push(s.text.slice(end), { from: 'wording' });
}
