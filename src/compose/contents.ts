/**
 * 本期目录: the listed sections' labels and their items — numbered ones with "N." before the title (or, without
 * a title, the first sentence of the first paragraph). Every entry links to its section or item.
 */
import type { Issue, Item, Section } from '../issue/model.js';
import type { ContentsBlock, ContentsEntry } from './doc.js';
import { derived, written, type Styles } from './styles.js';
import { contentsHeading, contentsTitle, itemNumber, sectionLabel } from './wording.js';

/**
 * The contents, or undefined when no section is listed, when the series says `show: false`, or (`auto`) when the
 * issue is one article and nothing else.
 */
export function composeContents(issue: Issue, st: Styles): ContentsBlock | undefined {
  const show = issue.series.contents?.show ?? 'auto';
  if (show === false || (show === 'auto' && oneArticle(issue))) return undefined;
  const listed = issue.sections.filter((s) => s.listed);
  if (listed.length === 0) return undefined;
  const { grid } = st;
  const entries: ContentsEntry[] = [];
  for (const section of listed) {
    if (section.label) entries.push(sectionEntry(section, st));
    for (const item of section.items) entries.push(itemEntry(item, st));
  }
  return {
    kind: 'contents',
    heading: { spans: [st.body(contentsHeading(issue.series.contents?.title), 'heading')], align: 'left', keepWithNext: true },
    entries,
    numberGap: grid.bodySize / 4,
  };
}

function sectionEntry(section: Section, st: Styles): ContentsEntry {
  const ref = { file: section.ref.file, path: [...section.ref.path, 'label'] };
  const span = st.body(sectionLabel(section.label), 'heading', written(ref, 1, section.label.length));
  return { level: 1, paragraph: { spans: [span], align: 'left', left: st.grid.pitch, link: section.id, keepWithNext: true } };
}

function itemEntry(item: Item, st: Styles): ContentsEntry {
  let span;
  if (item.title) span = st.body(item.title.text, 'kai', written(item.title.ref));
  else {
    const first = item.paragraphs[0];
    const t = contentsTitle(first?.text ?? '');
    span = st.body(t.text, 'kai', written(first?.ref, 0, t.written));
  }
  const entry: ContentsEntry = { level: 2, paragraph: { spans: [span], align: 'justify', left: 2 * st.grid.pitch, link: item.id } };
  if (item.number !== undefined) entry.number = st.body(itemNumber(item.number), 'kai', derived(item.ref, 'contentsNumber'));
  return entry;
}

const oneArticle = (issue: Issue): boolean => {
  const withItems = issue.sections.filter((s) => s.items.length > 0);
  return withItems.length === 1 && withItems[0]!.style === 'article' && withItems[0]!.items.length === 1;
};
