/** Which texts of an issue the rules look at, with the font role each is set in (for coverage). */
import type { FontRole, Issue, Item, Section, Text } from '../../issue/model.js';

export type TextKind =
  | 'title'
  | 'paragraph'
  | 'note'
  | 'source'
  | 'distribution'
  | 'caption'
  | 'cell'
  | 'subtitle'
  | 'byline'
  | 'addressee'
  | 'attachment'
  | 'signature'
  | 'mark';

export interface TextSite {
  text: Text;
  kind: TextKind;
  role: FontRole;
  section?: Section;
  item?: Item;
}

/**
 * Every text of the issue in reading order: the masthead's marks, the issue's note, items (title, note, body,
 * source; an article's subtitle, byline, addressee, attachments and signature too), then the footer.
 */
export function textsOf(issue: Issue): TextSite[] {
  const out: TextSite[] = [];
  for (const mark of [issue.urgency, issue.copyNumber]) if (mark) out.push({ text: mark, kind: 'mark', role: 'heading' });
  if (issue.note) out.push({ text: issue.note, kind: 'note', role: 'kai' });
  for (const section of issue.sections) {
    const article = section.style === 'article';
    for (const item of section.items) {
      if (item.note && article) out.push({ text: item.note, kind: 'note', role: 'kai', section, item });
      if (item.title) out.push({ text: item.title, kind: 'title', role: article ? 'masthead' : 'heading', section, item });
      if (item.subtitle) out.push({ text: item.subtitle, kind: 'subtitle', role: 'kai', section, item });
      if (item.byline) out.push({ text: item.byline, kind: 'byline', role: 'kai', section, item });
      if (item.note && !article) out.push({ text: item.note, kind: 'note', role: 'kai', section, item });
      if (item.addressee) out.push({ text: item.addressee, kind: 'addressee', role: 'body', section, item });
      for (const p of item.paragraphs) out.push({ text: p, kind: 'paragraph', role: 'body', section, item });
      if (item.source) out.push({ text: item.source, kind: 'source', role: 'body', section, item });
      for (const { media } of item.media ?? []) {
        if (media.kind === 'photos') for (const p of media.photos) if (p.caption) out.push({ text: p.caption, kind: 'caption', role: 'kai', section, item });
        if (media.kind === 'table') {
          if (media.title) out.push({ text: media.title, kind: 'caption', role: 'heading', section, item });
          for (const c of media.header ?? []) out.push({ text: c, kind: 'cell', role: 'heading', section, item });
          for (const row of media.rows) for (const c of row) out.push({ text: c, kind: 'cell', role: 'body', section, item });
        }
      }
      for (const a of item.attachments ?? []) out.push({ text: a, kind: 'attachment', role: 'body', section, item });
      if (item.signature) out.push({ text: item.signature.organ, kind: 'signature', role: 'body', section, item });
    }
  }
  for (const line of issue.series.distribution) {
    out.push({ text: line.recipients, kind: 'distribution', role: 'body' });
  }
  return out;
}

/** The running prose: paragraphs and editor's notes (where sentence-level rules apply). */
export function proseOf(issue: Issue): TextSite[] {
  return textsOf(issue).filter((t) => t.kind === 'paragraph' || t.kind === 'note');
}

export function items(issue: Issue): { section: Section; item: Item }[] {
  return issue.sections.flatMap((section) => section.items.map((item) => ({ section, item })));
}
