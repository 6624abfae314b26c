/**
 * One department's 信息 (a Word file, or a text that is not a whole issue) as one item: the title — a heading
 * style, a separate first paragraph, a bold lead sentence, or else the first sentence (a guess, said so) — the
 * body paragraphs, and the source from a trailing （…） or a "来源：" / "供稿：" line.
 */
import { msg } from '../i18n/lang.js';
import { PLACEHOLDER } from '../check/rules/placeholder.js';
import { editorsNote, endsSentence, joinCut, leadSentence, trailingSource } from './sentences.js';
import { place, type Block, type Draft, type DraftItem, type Unit } from './types.js';

const MAX_TITLE = 60;

const where = (unit: Unit, at: number[]): string => place(unit, at).zh;

export function recogniseItem(input: Block[], unit: Unit, draft: Draft): DraftItem | undefined {
  let blocks = input.filter((b) => b.text !== '');
  if (blocks.length === 0) return undefined;
  const item: DraftItem = { paragraphs: [], comments: {} };

  // "来源：区发改局" may stand first or last; a bracketed source alone closes the text.
  const labelled = blocks.findIndex((b) => trailingSource(b.text)?.labelled);
  if (labelled >= 0) {
    item.source = trailingSource(blocks[labelled]!.text)!.source;
    item.comments.source = `来源取自“来源：”一行（${where(unit, [blocks[labelled]!.at])}）`;
    blocks = blocks.filter((_, i) => i !== labelled);
  }
  const note = blocks.length > 0 ? editorsNote(blocks[0]!.text) : undefined;
  if (note !== undefined) {
    item.note = note;
    blocks = blocks.slice(1);
  }
  if (blocks.length === 0) return undefined;

  const first = blocks[0]!;
  let rest = blocks.slice(1);
  const stripStop = (s: string) => s.replace(/。$/, '').trim();
  if (first.heading || first.allBold) {
    item.title = stripStop(first.text);
  } else if (!leadSentence(first.text) && first.text.length <= MAX_TITLE && !endsSentence(first.text) && rest.length > 0) {
    item.title = first.text;
  } else if (first.boldLead && leadSentence(first.text) && stripStop(first.boldLead) === leadSentence(first.text)!.title) {
    const lead = leadSentence(first.text)!;
    item.title = lead.title;
    rest = lead.rest === '' ? rest : [{ ...first, text: lead.rest, boldLead: undefined }, ...rest];
  } else {
    const lead = leadSentence(first.text);
    if (lead && lead.title.length <= MAX_TITLE) {
      item.title = lead.title;
      rest = lead.rest === '' ? rest : [{ ...first, text: lead.rest, boldLead: undefined }, ...rest];
      item.comments.title = `标题取自第一句（${where(unit, [first.at])}），请核对`;
      draft.guesses.push({ at: [first.at], message: msg('没有单独的标题或加粗的导语句，第一句按标题导入', 'no separate title or bold lead sentence; the first sentence was taken as the title') });
    } else {
      rest = blocks;
      item.comments.body = `没有找到标题（导语句），请补上 title（${where(unit, [first.at])}）`;
      draft.guesses.push({ at: [first.at], message: msg('没有找到标题（导语句），只导入了正文', 'no title (lead sentence) found; only the body was imported') });
    }
  }

  // The source at the end: "…。（区发改局）" or "（区发改局）" on its own.
  const last = rest[rest.length - 1];
  const found = last ? trailingSource(last.text) : undefined;
  if (last && found && !found.labelled && item.source === undefined) {
    item.source = found.source;
    if (found.halfWidth) item.comments.source = `来源按括号推断：原文为半角括号（${where(unit, [last.at])}）`;
    rest = found.before === '' ? rest.slice(0, -1) : [...rest.slice(0, -1), { ...last, text: found.before }];
  }

  const joined: number[] = [];
  const listed: number[] = [];
  const boldOpen: number[] = [];
  let bulleted = false;
  for (const b of rest) {
    let text = b.text;
    if (b.list) {
      listed.push(b.at);
      if (b.list.ordered) text = `${b.list.n}.${text}`;
      else bulleted = true;
    }
    if (b.boldLead) boldOpen.push(b.at);
    const prev = item.paragraphs[item.paragraphs.length - 1];
    // Text copied out of a PDF keeps its page breaks; Word paragraphs are paragraphs.
    if (unit === 'line' && prev !== undefined && !endsSentence(prev)) {
      item.paragraphs[item.paragraphs.length - 1] = joinCut(prev, text);
      joined.push(b.at);
    } else item.paragraphs.push(text);
  }
  const bodyNotes: string[] = [];
  if (joined.length > 0) {
    bodyNotes.push(`末尾没有句号的行与下一行已合为一段（${where(unit, joined)}）`);
    draft.guesses.push({ at: joined, message: msg('上一行末尾没有句号，已与这一行合为一段', 'the line before ends without a full stop; joined into one paragraph') });
  }
  if (listed.length > 0) {
    const ordered = !bulleted;
    bodyNotes.push(ordered ? `${where(unit, listed)}是自动编号的列表，编号已写成 1. 2. ……` : `${where(unit, listed)}是列表，项目符号没有导入`);
    draft.guesses.push({
      at: listed,
      message: ordered ? msg('自动编号的列表：编号已写成文字（1. 2. ……）', 'an automatically numbered list: the numbers were written out (1. 2. …)') : msg('列表的项目符号没有导入（文字已导入）', 'the list\'s bullets were not imported (the text was)'),
    });
  }
  if (boldOpen.length > 0) {
    draft.guesses.push({ at: boldOpen, message: msg('段落开头的加粗文字按正文导入（格式中没有加粗，文字都在）', 'bold text opening a paragraph was imported as body text (the format has no bold; no words were lost)') });
  }
  if (bodyNotes.length > 0) item.comments.body = [item.comments.body, ...bodyNotes].filter(Boolean).join('；');
  if (item.paragraphs.length === 0) {
    item.paragraphs.push(`${PLACEHOLDER}正文`);
    draft.guesses.push({ at: [first.at], message: msg('只有标题，没有正文；正文留作【待填写】', 'a title and no body; the body is left as 【待填写】') });
  }
  if (item.source === undefined) {
    draft.guesses.push({ at: [], message: msg('没有找到来源（末尾的括号或“来源：”一行），请补上 source', 'no source found (a bracket at the end or a "来源:" line); add source') });
  }
  return item;
}
