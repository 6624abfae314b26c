/**
 * Issue → BulletinDoc: the masthead, the contents, the body, the footer, the page-number style, the bookmarks and
 * the document's own description. Pure: no fonts, no files; the same issue gives the same document.
 */
import type { Issue } from '../issue/model.js';
import type { Block, BulletinDoc, DocInfoText, OutlineEntry, PageNumberStyle } from './doc.js';
import { gridOf, mm } from './geometry.js';
import { composeBody } from './body.js';
import { composeContents } from './contents.js';
import { composeFooter } from './footer.js';
import { composeMasthead } from './masthead.js';
import { SIZE_4, stylesOf } from './styles.js';
import { formatDate, formatIssueLine, itemNumber, sectionLabel, WORDS } from './wording.js';

export type * from './doc.js';

export function composeIssue(issue: Issue): BulletinDoc {
  const grid = gridOf(issue.series.page);
  const st = stylesOf(grid, issue.series.colour);
  const blocks: Block[] = [composeMasthead(issue, st)];
  const contents = composeContents(issue, st);
  if (contents) blocks.push(contents);
  blocks.push(...composeBody(issue, st, contents !== undefined));
  const footer = composeFooter(issue, st);
  if (footer) blocks.push(footer);
  return { grid, blocks, pageNumbers: pageNumbers(issue), outline: outline(issue), info: info(issue) };
}

/** — N — in 4号, the dashes' top 7 mm below the type area, one character in from the outer edge (GB/T 9704 §7.5). */
function pageNumbers(issue: Issue): PageNumberStyle {
  return {
    ...WORDS.pageNumber,
    style: { role: 'number', size: SIZE_4 },
    placement: issue.series.page.pageNumbers,
    inset: SIZE_4,
    below: mm(7),
    alignChar: '—',
  };
}

/** A bookmark per section with items, and under it one per titled item ("3. 标题"). */
function outline(issue: Issue): OutlineEntry[] {
  return issue.sections
    .filter((s) => s.items.length > 0)
    .flatMap((s) => {
      const children = s.items.flatMap((it) =>
        it.title ? [{ title: `${it.number !== undefined ? `${itemNumber(it.number)} ` : ''}${it.title.text}`, target: it.id, children: [] }] : [],
      );
      // A section without a label has no heading to jump to: its items stand at the top level.
      return s.label ? [{ title: sectionLabel(s.label), target: s.id, children }] : children;
    });
}

function info(issue: Issue): DocInfoText {
  const s = issue.series;
  const titles = issue.sections.flatMap((sec) => sec.items.flatMap((it) => (it.title ? [it.title.text] : [])));
  return {
    title: `${s.name} 第 ${issue.number} 期`,
    author: s.offices.join('、'),
    subject: [s.seriesLine, formatIssueLine(issue), formatDate(issue.date)].filter(Boolean).join(' '),
    keywords: [s.name, ...issue.sections.flatMap((sec) => (sec.label ? [sec.label] : [])), ...titles],
    date: issue.date.iso,
    lang: 'zh-CN',
  };
}
