/**
 * Every text an issue puts on paper, with the font role the layout sets it in — the one list that font coverage
 * is judged by (the `font-coverage` check rule; meant for `build` and `bulletin fonts` as well), so that `check`
 * catches every character `build` would refuse.
 *
 * Which role sets which text follows src/typeset/bulletin/*.ts:
 * - masthead: the bulletin name;
 * - heading (黑体): the security mark, section labels 【…】 (in the body and in the contents), item titles and the
 *   。 run in after them, 本期目录：, 编者按：, the • of briefs;
 * - kai (楷体): the series line in （…）, editor's notes, the contents' titles (or a paragraph's first sentence)
 *   and the numbers of numbered ones (N.);
 * - body: the issue line, the offices and the date of the masthead, paragraphs, sources in （…）, the distribution
 *   footer (labels, recipients), 责任编辑：editors, the serial and 共印 N 份;
 * - number: page numbers — digits and the dashes of — N —.
 *
 * Pure: no fonts, no files. Each entry says where it came from (`ref`) so a missing character can be reported at
 * its line and column (see `RoleText.exact`).
 */
import type { FontRole, Issue, SourceMap, SourceRef, Text } from '../issue/model.js';

export type RoleTextKind =
  | 'name'
  | 'seriesLine'
  | 'securityMark'
  | 'office'
  | 'issueLine'
  | 'date'
  | 'contentsTitle'
  | 'contentsNumber'
  | 'sectionLabel'
  | 'title'
  | 'note'
  | 'paragraph'
  | 'source'
  | 'distributionLabel'
  | 'recipients'
  | 'editor'
  | 'serial'
  | 'printCount'
  | 'pageNumber'
  /** Fixed wording and marks the layout adds: 【】, 编者按：, 本期目录：, （）, 责任编辑：, 共印 份 … */
  | 'layout';

export interface RoleText {
  role: FontRole;
  text: string;
  kind: RoleTextKind;
  /**
   * Where to point for this text: the YAML value it was written as; for derived texts (the issue line, the date
   * line, page numbers, the layout's own wording) the setting it depends on — `fonts.<role>` when one is written,
   * else the top of the issue file.
   */
  ref: SourceRef;
  /**
   * True when character i of `text` is character i of the text at `ref` (`SourceMap.position(ref, i)` finds it);
   * false when `text` is derived, and only `ref` itself (offset 0) is meaningful.
   */
  exact: boolean;
}

/** Sentence enders after which a run-in title gets no 。 of its own (as src/typeset/bulletin/body.ts). */
const ENDS = /[。！？!?…]$/;

/** Every text of the issue, by role, in the order the layout sets them (masthead, contents, body, footer, page numbers). */
export function textsByRole(issue: Issue): RoleText[] {
  const s = issue.series;
  const refs = s.refs ?? {};
  const top: SourceRef = { file: issue.file, path: [] };
  const fontRef = (role: FontRole): SourceRef => refs[`fonts.${role}`] ?? top;
  const out: RoleText[] = [];
  const add = (role: FontRole, kind: RoleTextKind, text: string, ref: SourceRef, exact: boolean): void => {
    if (text !== '') out.push({ role, kind, text, ref, exact });
  };
  const fromText = (role: FontRole, kind: RoleTextKind, t: Text): void => add(role, kind, t.text, t.ref, true);
  /** A setting written as a string (or a list of strings: `index`); undefined refs (not written) point at the top. */
  const setting = (role: FontRole, kind: RoleTextKind, key: string, text: string, index?: number): void => {
    const ref = refs[key];
    if (!ref) return add(role, kind, text, top, false);
    add(role, kind, text, index === undefined ? ref : { file: ref.file, path: [...ref.path, index] }, true);
  };
  const layout: Record<FontRole, string> = { masthead: '', heading: '', kai: '', body: '', number: '' };
  const fixed = (role: FontRole, chars: string): void => {
    layout[role] += chars;
  };

  // Masthead (masthead.ts).
  if (s.securityMark) setting('heading', 'securityMark', 'securityMark', s.securityMark);
  setting('masthead', 'name', 'name', s.name);
  if (s.seriesLine) {
    setting('kai', 'seriesLine', 'seriesLine', s.seriesLine);
    fixed('kai', '（）');
  }
  add('body', 'issueLine', issue.issueLine, { file: issue.file, path: ['number'] }, false);
  s.offices.forEach((office, i) => setting('body', 'office', 'offices', office, i));
  add('body', 'date', issue.dateText, { file: issue.file, path: ['date'] }, false);

  // Contents (contents.ts): labels in 黑体, titles and numbers in 楷体.
  const items = new Map(issue.sections.flatMap((sec) => sec.items.map((item) => [item.id, item] as const)));
  const sectionsById = new Map(issue.sections.map((sec) => [sec.id, sec]));
  if (issue.contents.length > 0) fixed('heading', '本期目录：');
  for (const entry of issue.contents) {
    if (entry.kind === 'section') {
      const sec = sectionsById.get(entry.target);
      add('heading', 'sectionLabel', entry.label, sec ? { file: sec.ref.file, path: [...sec.ref.path, 'label'] } : top, !!sec);
      fixed('heading', '【】');
      continue;
    }
    const item = items.get(entry.target);
    if (entry.number !== undefined) add('kai', 'contentsNumber', `${entry.number}.`, item?.ref ?? top, false);
    const source = item?.title ?? item?.paragraphs[0];
    if (!source) {
      add('kai', 'contentsTitle', entry.label, top, false);
      continue;
    }
    // A title as written, or a paragraph's first sentence (shortened with …): the common prefix is exact.
    let n = 0;
    while (n < entry.label.length && entry.label[n] === source.text[n]) n++;
    add('kai', 'contentsTitle', entry.label.slice(0, n), source.ref, true);
    fixed('kai', entry.label.slice(n));
  }

  // Body (body.ts).
  for (const sec of issue.sections) {
    if (sec.items.length === 0) continue;
    add('heading', 'sectionLabel', sec.label, { file: sec.ref.file, path: [...sec.ref.path, 'label'] }, true);
    fixed('heading', '【】');
    for (const item of sec.items) {
      if (sec.style === 'bullets') fixed('heading', '•');
      if (item.note && sec.style !== 'bullets') {
        fixed('heading', '编者按：');
        fromText('kai', 'note', item.note);
      }
      if (item.title) {
        fromText('heading', 'title', item.title);
        if (sec.style !== 'bullets' && !ENDS.test(item.title.text)) fixed('heading', '。');
      }
      for (const p of item.paragraphs) fromText('body', 'paragraph', p);
      if (item.source) {
        fromText('body', 'source', item.source);
        fixed('body', '（）');
      }
    }
  }

  // Footer (footer.ts).
  s.distribution.forEach((d, i) => {
    const base = refs.distribution;
    add('body', 'distributionLabel', d.label, base ? { file: base.file, path: [...base.path, i, 'label'] } : top, !!base);
    fixed('body', '：');
    fromText('body', 'recipients', d.recipients);
  });
  if (s.editors.length > 0) {
    fixed('body', s.editors.length > 1 ? '责任编辑：、' : '责任编辑：');
    s.editors.forEach((e, i) => setting('body', 'editor', 'editors', e, i));
  }
  if (s.serial) setting('body', 'serial', 'serial', s.serial);
  if (s.printCount !== undefined) {
    fixed('body', '共印份');
    setting('body', 'printCount', 'printCount', String(s.printCount));
  }

  // Page numbers (page-number.ts): — N — for any N.
  add('number', 'pageNumber', '—0123456789', fontRef('number'), false);

  for (const role of Object.keys(layout) as FontRole[]) {
    const chars = [...new Set(layout[role])].join('');
    add(role, 'layout', chars, fontRef(role), false);
  }
  return out;
}

/** Line and column of character `index` of a listed text: its own place when exact, else where `ref` points. */
export function rolePosition(t: RoleText, index: number, sources: SourceMap): { line: number; column: number } {
  return sources.position(t.ref, t.exact ? index : 0);
}

/** All text of each role run together (for a coverage summary such as `bulletin fonts`). */
export function joinedByRole(issue: Issue): Record<FontRole, string> {
  const out: Record<FontRole, string> = { masthead: '', heading: '', kai: '', body: '', number: '' };
  for (const t of textsByRole(issue)) out[t.role] += t.text;
  return out;
}
