/**
 * A whole issue as text (copied out of a PDF or a Word file): masthead, 本期目录 (used to cross-check the titles,
 * not copied), the 【…】 sections with their items — lead sentence as title, body, （来源） — 【简讯】 bullets,
 * and the footer. Paragraphs a page break cut in two are joined; every guess is noted where it was made.
 */
import { msg } from '../i18n/lang.js';
import { opensFooter, readFooter, readMasthead, dateOf } from './furniture.js';
import { BULLET, compact, editorsNote, endsSentence, joinCut, leadSentence, sectionLabel, trailingSource } from './sentences.js';
import { place, type Block, type Draft, type DraftItem, type DraftSection, type Unit } from './types.js';
import { PLACEHOLDER } from '../check/rules/placeholder.js';

const CONTENTS = /^(?:本期)?目\s*录\s*[:：]?$/;
const ENTRY = /^(\d{1,3})\s*[.．、]\s*(.+?)(?:\s*[.…·]{3,}\s*\d+)?$/;
const ISSUE_LINE = /^第\s*\d+\s*期/;

/** Whether a text is a whole issue (labels, an issue line, a contents) rather than one department's item. */
export function isWholeIssue(blocks: Block[]): boolean {
  return blocks.some((b) => sectionLabel(b.text) !== undefined || ISSUE_LINE.test(b.text) || CONTENTS.test(b.text));
}

interface Entry {
  number: number;
  title: string;
  label?: string;
  at: number;
}

/** Titles longer than this are not lead sentences but a paragraph without a 。 in reach. */
const MAX_TITLE = 60;

export function recogniseIssue(blocks: Block[], unit: Unit, draft: Draft): void {
  const where = (at: number[]) => place(unit, at).zh;
  const c = blocks.findIndex((b) => CONTENTS.test(b.text));
  const firstLabel = blocks.findIndex((b, i) => (c < 0 || i > c) && sectionLabel(b.text) !== undefined);
  let mastheadEnd = c >= 0 ? c : firstLabel;
  if (mastheadEnd < 0) {
    // No contents and no labels: the masthead runs to its date (or issue line) within the first lines.
    const head = blocks.slice(0, 12);
    const last = Math.max(head.findIndex((b) => dateOf(b.text) !== undefined && b.text.length <= 40), head.findIndex((b) => ISSUE_LINE.test(b.text)));
    mastheadEnd = last + 1;
  }
  readMasthead(blocks.slice(0, mastheadEnd), draft);

  // 本期目录: labels and numbered titles. A label after the last title already belongs to the body.
  const entries: Entry[] = [];
  let bodyStart = mastheadEnd;
  if (c >= 0) {
    let label: string | undefined;
    const seen: Entry[] = [];
    let end = c + 1;
    for (let j = c + 1; j < blocks.length; j++) {
      const b = blocks[j]!;
      const l = sectionLabel(b.text);
      const m = ENTRY.exec(b.text);
      if (l !== undefined) label = l;
      else if (m && b.text.length <= 80) {
        seen.push({ number: Number(m[1]), title: m[2]!.trim(), label, at: b.at });
        end = j + 1;
      } else break;
    }
    entries.push(...seen);
    bodyStart = end;
  }

  let footerStart = blocks.length;
  for (let j = blocks.length - 1; j >= bodyStart; j--) {
    if (sectionLabel(blocks[j]!.text) !== undefined) break;
    if (opensFooter(blocks[j]!.text)) footerStart = j;
  }
  readFooter(blocks.slice(footerStart), draft);

  const titles = new Set(entries.map((e) => compact(e.title)));
  let current: { section: DraftSection; blocks: Block[] } | undefined;
  const parts: { section: DraftSection; blocks: Block[] }[] = [];
  for (const b of blocks.slice(bodyStart, footerStart)) {
    const label = sectionLabel(b.text);
    if (label !== undefined) {
      current = { section: { label, items: [], comments: {} }, blocks: [] };
      parts.push(current);
      continue;
    }
    if (!current) {
      current = { section: { label: '动态', items: [], comments: { label: `原文这里没有栏目名称，按“动态”填写（${where([b.at])}起）` } }, blocks: [] };
      draft.guesses.push({ at: [b.at], message: msg('正文开头没有栏目名称，按【动态】导入', 'the body starts without a section label; imported as 【动态】') });
      parts.push(current);
    }
    current.blocks.push(b);
  }
  for (const p of parts) {
    readItems(p.section, p.blocks, titles, where, draft);
    if (p.section.items.length > 0) draft.sections.push(p.section);
    else draft.skipped.push({ at: [], message: msg(`栏目【${p.section.label}】下没有内容，没有导入`, `section 【${p.section.label}】 has nothing in it; not imported`) });
  }
  crossCheck(draft, entries, c >= 0 ? blocks[c]!.at : undefined);
}

/** The items of one section, from its paragraphs. */
function readItems(section: DraftSection, blocks: Block[], titles: Set<string>, where: (at: number[]) => string, draft: Draft): void {
  const bullets = blocks.length > 0 && BULLET.test(blocks[0]!.text);
  if (bullets) section.style = 'bullets';
  let open: { item: DraftItem; joined: number[]; firstAt: number } | undefined;
  let note: { text: string; at: number } | undefined;

  const close = () => {
    if (!open) return;
    const { item, joined } = open;
    if (joined.length > 0) {
      item.comments.body = `在换页处断开的段落已合为一段（${where(joined)}）`;
      draft.guesses.push({ at: joined, message: msg('段落在换页处断开（上一段末尾没有句号），已合为一段', 'a paragraph cut by a page break (no full stop at the end of the first part) was joined') });
    }
    if (item.paragraphs.length === 0) {
      item.paragraphs.push(`${PLACEHOLDER}正文`);
      draft.guesses.push({ at: [open.firstAt], message: msg(`“${item.title ?? ''}”后面没有正文，正文留作【待填写】`, `no body after "${item.title ?? ''}"; the body is left as 【待填写】`) });
    }
    open = undefined;
  };
  const startsItem = (text: string) => (bullets ? BULLET.test(text) : titles.size > 0 && titles.has(compact(leadSentence(text)?.title ?? text)));

  for (const b of blocks) {
    const n = editorsNote(b.text);
    if (n !== undefined) {
      close();
      note = { text: n, at: b.at };
      continue;
    }
    const found = trailingSource(b.text);
    if (found && found.before === '') {
      if (open && open.item.source === undefined) {
        setSource(open.item, found, b.at, true, where, draft);
        close();
      } else {
        draft.skipped.push({ at: [b.at], message: msg(`单独一行的来源“${found.source}”前面没有可以归属的条目，没有导入`, `the source "${found.source}" on its own line follows no item it could belong to; not imported`) });
      }
      continue;
    }
    let text = found ? found.before : b.text;
    const last = open?.item.paragraphs[open.item.paragraphs.length - 1];
    if (open && last !== undefined && !endsSentence(last) && !startsItem(b.text)) {
      open.item.paragraphs[open.item.paragraphs.length - 1] = joinCut(last, text);
      open.joined.push(b.at);
    } else if (open && !startsItem(b.text)) {
      open.item.paragraphs.push(text);
    } else {
      close();
      const item: DraftItem = { paragraphs: [], comments: {} };
      if (note) {
        item.note = note.text;
        note = undefined;
      }
      if (bullets) {
        item.paragraphs.push(text.replace(BULLET, ''));
      } else {
        const numbered = /^(\d{1,3})\s*[.．、]\s*(?=\D)/.exec(text);
        if (numbered) {
          text = text.slice(numbered[0].length);
          draft.guesses.push({ at: [b.at], message: msg(`标题前的编号“${numbered[1]}.”已去掉（编号由排版生成）`, `the number "${numbered[1]}." before the title was removed (numbers are generated)`) });
        }
        const lead = leadSentence(text);
        if (lead && lead.title.length <= MAX_TITLE) {
          item.title = lead.title;
          if (lead.rest !== '') item.paragraphs.push(lead.rest);
        } else if (!lead && text.length <= MAX_TITLE && !endsSentence(text)) {
          item.title = text; // a title on a line of its own
        } else {
          item.paragraphs.push(text);
          item.comments.body = `没有找到标题（导语句），请补上 title（${where([b.at])}）`;
          draft.guesses.push({ at: [b.at], message: msg('这一条没有找到标题（第一句太长或没有句号），只导入了正文', 'no title found for this item (the first sentence is too long or has no full stop); only the body was imported') });
        }
      }
      section.items.push(item);
      open = { item, joined: [], firstAt: b.at };
    }
    if (found && open) {
      setSource(open.item, found, b.at, false, where, draft);
      close();
    }
  }
  close();
  if (note) draft.skipped.push({ at: [note.at], message: msg('编者按后面没有条目，没有导入', 'an editor\'s note with no item after it; not imported') });
}

function setSource(item: DraftItem, found: NonNullable<ReturnType<typeof trailingSource>>, at: number, ownLine: boolean, where: (at: number[]) => string, draft: Draft): void {
  item.source = found.source;
  if (found.halfWidth) {
    item.comments.source = `来源按括号推断：原文为半角括号（${where([at])}）`;
    draft.guesses.push({ at: [at], message: msg(`半角括号中的“${found.source}”按来源导入`, `"${found.source}" in half-width brackets was taken as the source`) });
  } else if (found.labelled) {
    item.comments.source = `来源取自“来源：”一行（${where([at])}）`;
  } else if (ownLine) {
    item.comments.source = `来源按括号推断：原文在单独一行（${where([at])}）`;
    draft.guesses.push({ at: [at], message: msg(`单独一行的“（${found.source}）”按上一条的来源导入`, `"（${found.source}）" on its own line was taken as the source of the item above`) });
  }
}

/** 本期目录 against the body: which sections it lists, and whether its titles are the body's lead sentences. */
function crossCheck(draft: Draft, entries: Entry[], contentsAt: number | undefined): void {
  const listedLabels = new Set(entries.map((e) => e.label).filter((l): l is string => l !== undefined));
  for (const section of draft.sections) {
    const inContents = contentsAt === undefined ? undefined : listedLabels.has(section.label);
    if (inContents === false || (inContents === undefined && section.style === 'bullets')) {
      section.numbered = false;
      section.listed = false;
      section.comment =
        inContents === false
          ? `目录中没有【${section.label}】：不编号，不列入目录`
          : `每条以“•”开头：按简讯处理，不编号，不列入目录`;
    }
  }
  if (contentsAt === undefined) return;
  const numbered = draft.sections.filter((s) => s.numbered !== false).flatMap((s) => s.items);
  let differ = 0;
  numbered.forEach((item, i) => {
    const e = entries[i];
    if (!e || !item.title || compact(e.title) === compact(item.title)) return;
    differ++;
    item.comments.title = `与目录第 ${e.number} 条不同：${e.title}`;
    draft.guesses.push({ at: [e.at], message: msg(`目录第 ${e.number} 条“${e.title}”与正文标题“${item.title}”不同；文件中用正文标题`, `contents entry ${e.number} "${e.title}" differs from the body's title "${item.title}"; the file uses the body's`) });
  });
  if (entries.length !== numbered.length) {
    draft.guesses.push({
      at: [contentsAt],
      message: msg(`目录有 ${entries.length} 条，正文中编号的条目有 ${numbered.length} 条`, `the contents lists ${entries.length} entries, the body has ${numbered.length} numbered items`),
    });
  } else if (differ === 0) {
    draft.recognised.push(msg(`本期目录 ${entries.length} 条，与正文的标题一一对应（目录由排版生成，没有另外导入）`, `contents: ${entries.length} entries, matching the body's titles one to one (the contents is generated, not imported)`));
  }
}
