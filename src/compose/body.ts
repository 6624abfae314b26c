/**
 * The body: each section's label (【动态】 in 黑体), then its items — the lead sentence run in 黑体 before the text,
 * the source in （…） after the last paragraph; 【简讯】 briefs as bullets with a hanging indent; editor's notes in
 * 楷体 after 编者按：.
 */
import type { Issue, Item, Section, Text } from '../issue/model.js';
import type { Block, ParagraphBlock, Span } from './doc.js';
import { written, type Styles } from './styles.js';
import { withMedia } from './media.js';
import { ENDS_SENTENCE, parenthesised, sectionLabel, WORDS } from './wording.js';
import { composeArticle, type ArticlePlace } from './article.js';
import { noteParagraph } from './note.js';

/** `after`: whether something flows above the body (the contents), so that an article there is not first. */
export function composeBody(issue: Issue, st: Styles, after = false): Block[] {
  const out: Block[] = [];
  if (issue.note) {
    out.push(noteParagraph(issue.note, st));
    after = true;
  }
  for (const section of issue.sections) {
    if (section.items.length === 0) continue;
    out.push(...composeSection(section, st, after || out.length > 0));
  }
  return out;
}

function composeSection(section: Section, st: Styles, after: boolean): Block[] {
  const out: Block[] = [];
  // A section without a label (an article issue) sets no heading.
  if (section.label) {
    const ref = { file: section.ref.file, path: [...section.ref.path, 'label'] };
    const label = st.body(sectionLabel(section.label), 'heading', written(ref, 1, section.label.length));
    out.push({ kind: 'section-label', spans: [label], align: 'left', anchor: section.id, keepWithNext: true });
  }
  for (const item of section.items) {
    if (section.style === 'article') {
      const place: ArticlePlace = out.length === 0 ? (after ? 'after-text' : 'first') : out[out.length - 1]!.kind === 'section-label' ? 'after-label' : 'after-text';
      out.push(...composeArticle(item, st, place));
    } else out.push(...withMedia(item, section.style === 'bullets' ? composeBullet(item, st) : composeItem(item, st), st, { skip: item.note ? 1 : 0, leadFirst: true }));
  }
  return out;
}

/** An item's paragraphs; one empty paragraph when it has no text, so its title, source and anchor still show. */
const paragraphsOf = (item: Item): Text[] => (item.paragraphs.length ? item.paragraphs : [{ text: '', ref: item.ref }]);

const sourceOf = (item: Item, st: Styles): Span | undefined =>
  item.source ? st.body(parenthesised(item.source.text), 'body', written(item.source.ref, 1, item.source.text.length)) : undefined;

function composeItem(item: Item, st: Styles): ParagraphBlock[] {
  const indent = 2 * st.grid.pitch;
  const out: ParagraphBlock[] = [];
  if (item.note) {
    out.push({ kind: 'paragraph', spans: [st.body(WORDS.note, 'heading'), st.body(item.note.text, 'kai', written(item.note.ref))], align: 'justify', indent, loosen: true });
  }
  const paras = paragraphsOf(item);
  paras.forEach((p, i) => {
    const spans: Span[] = [];
    if (i === 0 && item.title) {
      spans.push(st.body(item.title.text, 'heading', written(item.title.ref)));
      if (!ENDS_SENTENCE.test(item.title.text)) spans.push(st.body(WORDS.titleStop, 'heading'));
    }
    spans.push(st.body(p.text, 'body', written(p.ref)));
    const block: ParagraphBlock = { kind: 'paragraph', spans, align: 'justify', indent, loosen: true };
    const source = i === paras.length - 1 ? sourceOf(item, st) : undefined;
    if (source) block.trailer = source;
    out.push(block);
  });
  out[0]!.anchor = item.id;
  return out;
}

function composeBullet(item: Item, st: Styles): ParagraphBlock[] {
  const { grid } = st;
  const paras = paragraphsOf(item);
  return paras.map((p, i) => {
    const spans: Span[] = [];
    if (i === 0 && item.title) spans.push(st.body(item.title.text, 'heading', written(item.title.ref)));
    spans.push(st.body(p.text, 'body', written(p.ref)));
    const block: ParagraphBlock = { kind: 'paragraph', spans, align: 'justify', loosen: true };
    // The sans face's bullet is twice the serif's, which reads as a dot at 3号.
    if (i === 0) {
      block.hang = { label: st.body(WORDS.bullet, 'heading'), width: grid.pitch };
      block.anchor = item.id;
    } else block.left = grid.pitch;
    const source = i === paras.length - 1 ? sourceOf(item, st) : undefined;
    if (source) block.trailer = source;
    return block;
  });
}
