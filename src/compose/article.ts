/**
 * An article (专报, 专刊, 通报, 调研报告): its 编者按, the title centred in 2号 小标宋 (balanced lines when it
 * wraps), the subtitle (——…) and byline centred under it, one blank line, then the addressee, the body with its
 * 一、（一）1. headings, the attachments note and the signature, each one blank line below the body (GB/T 9704
 * §7.3). The first article of an issue with nothing above it stands two blank lines below the red rule.
 */
import type { Item, Text } from '../issue/model.js';
import type { Block, ParagraphBlock, Span, TitleBlock } from './doc.js';
import { HEADING_FACE, headingOf } from './headings.js';
import { withMedia } from './media.js';
import { composeAddressee, composeAttachments, composeSignature } from './notice.js';
import { written, type Styles } from './styles.js';
import { parenthesised, subtitled } from './wording.js';
import { noteParagraph } from './note.js';

/** 2号 */
export const SIZE_2 = 22;

/** Where the article stands: first in the flow (right under the masthead), or right after its section's label. */
export type ArticlePlace = 'first' | 'after-label' | 'after-text';

const BEFORE_TITLE: Record<ArticlePlace, number> = { first: 2, 'after-label': 0, 'after-text': 1 };

export function composeArticle(item: Item, st: Styles, place: ArticlePlace): Block[] {
  const out: Block[] = [];
  const space = (lines: number): void => {
    if (lines > 0) out.push({ kind: 'space', lines });
  };
  if (item.note) {
    space(place === 'first' ? 0 : BEFORE_TITLE[place]);
    out.push(noteParagraph(item.note, st));
    space(1);
  } else space(BEFORE_TITLE[place]);
  const head: TitleBlock[] = [];
  if (item.title) head.push(titleBlock('title', [{ ...st.at(titleText(item.title.text), 'masthead', SIZE_2, written(item.title.ref)) }]));
  if (item.subtitle) head.push(titleBlock('subtitle', [st.body(subtitled(item.subtitle.text), 'kai', written(item.subtitle.ref, 2, item.subtitle.text.length))]));
  if (item.byline) head.push(titleBlock('byline', [st.body(item.byline.text, 'kai', written(item.byline.ref))]));
  if (head.length) {
    out.push(...head);
    space(1);
  }
  const addressee = composeAddressee(item, st);
  if (addressee) out.push(addressee);
  out.push(...withMedia(item, bodyParagraphs(item, st), st, { skip: 0, leadFirst: false }));
  const attachments = composeAttachments(item, st);
  if (attachments) {
    space(1);
    out.push(attachments);
  }
  const signature = composeSignature(item, st);
  if (signature) {
    space(1);
    out.push(signature);
  }
  const first = out.find((b): b is TitleBlock | ParagraphBlock => b.kind === 'title' || b.kind === 'paragraph');
  if (first) first.anchor = item.id;
  return out;
}

function titleBlock(part: TitleBlock['part'], spans: Span[]): TitleBlock {
  return { kind: 'title', part, spans, align: 'center', balance: true, keepWithNext: true };
}

/**
 * A headline of two phrases written with a space between them (消防安全警钟长鸣 齐抓共管防患未然) is set with a
 * full-width space, as offices print it; one character for one, so positions in the text stay true.
 */
export const titleText = (text: string): string => text.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '\u3000');

/** The body: paragraphs indented two characters, headings in their level's face; the source after the last. */
function bodyParagraphs(item: Item, st: Styles): ParagraphBlock[] {
  const indent = 2 * st.grid.pitch;
  const out = item.paragraphs.map((p: Text): ParagraphBlock => {
    const h = headingOf(p.text);
    if (!h) return { kind: 'paragraph', spans: [st.body(p.text, 'body', written(p.ref))], align: 'justify', indent, loosen: true };
    const face = HEADING_FACE[h.level];
    const head: Span = st.body(p.text.slice(0, h.length), face.role, written(p.ref, 0, h.length));
    if (face.bold) head.weight = 'bold';
    const spans: Span[] = [head];
    if (h.length < p.text.length) {
      // The rest of the paragraph, as written from where the heading ends.
      spans.push(st.body(p.text.slice(h.length), 'body', { kind: 'written', ref: { ...p.ref, offset: (p.ref.offset ?? 0) + h.length } }));
      return { kind: 'paragraph', spans, align: 'justify', indent, loosen: true };
    }
    return { kind: 'paragraph', spans, align: 'justify', indent, keepWithNext: true };
  });
  const last = out[out.length - 1];
  if (last && item.source) last.trailer = st.body(parenthesised(item.source.text), 'body', written(item.source.ref, 1, item.source.text.length));
  return out;
}
