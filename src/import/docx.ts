/**
 * A Word file's paragraphs, read with mammoth (its document model, through the documented `transformDocument`
 * hook, so styles, numbering, runs and tables come already resolved). Paragraphs are numbered as the reader sees
 * them — empty ones are not counted, a table counts as one — and photos and tables, which the format does not
 * hold yet, are reported with their numbers.
 */
import type { Message } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { cleanLine } from './decode-text.js';
import { endsSentence, joinCut } from './sentences.js';
import type { Block, Note } from './types.js';

/** The parts of mammoth's document model read here (lib/documents.js). */
interface Element {
  type: string;
  children?: Element[];
  value?: string;
  isBold?: boolean;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { isOrdered: boolean; level: string | number } | null;
  contentType?: string;
  altText?: string;
}

export type DocxRead = { ok: true; blocks: Block[]; skipped: Note[] } | { ok: false; message: Message };

const HEADING = /^(heading|title|标题|题目)/i;

interface Run {
  text: string;
  bold: boolean;
}

/** The runs of a paragraph in order, with images and line breaks as markers. */
type Part = Run | { image: string } | { note: Element } | 'break' | 'comment';

function runsOf(el: Element, bold: boolean, out: Part[]): void {
  for (const child of el.children ?? []) {
    switch (child.type) {
      case 'text':
        out.push({ text: child.value ?? '', bold });
        break;
      case 'tab':
        out.push({ text: ' ', bold });
        break;
      case 'break':
        out.push('break');
        break;
      case 'image':
        out.push({ image: child.contentType ?? 'image' });
        break;
      case 'noteReference':
        out.push({ note: child });
        break;
      case 'commentReference':
        out.push('comment');
        break;
      case 'run':
        runsOf(child, child.isBold ?? false, out);
        break;
      default:
        runsOf(child, bold, out);
    }
  }
}

/** A footnote or endnote's body, from mammoth's Notes (resolve by reference). */
function resolveNote(doc: Element, ref: Element): { body: Element[] } | undefined {
  const notes = (doc as { notes?: { resolve?(r: Element): { body: Element[] } | null } }).notes;
  return notes?.resolve?.(ref) ?? undefined;
}

function plainText(el: Element): string {
  if (el.type === 'text') return el.value ?? '';
  const sep = el.type === 'table' ? ' / ' : el.type === 'tableRow' ? ' ' : '';
  return (el.children ?? []).map(plainText).filter((t) => t.trim() !== '').join(sep);
}

export async function readDocx(bytes: Buffer): Promise<DocxRead> {
  const { default: mammoth } = await import('mammoth');
  let doc: Element | undefined;
  try {
    // The HTML is not wanted: the hook keeps the model and hands mammoth an empty document (no image is decoded).
    await mammoth.convertToHtml({ buffer: bytes }, {
      transformDocument: (d: Element) => {
        doc = d;
        return { ...d, children: [] };
      },
    });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    if (/main document part|word\/document\.xml/i.test(detail)) {
      return { ok: false, message: msg('这是一个 zip 压缩包，但不是 Word 文档（其中没有 word/document.xml）；请给出 .docx 文件', 'this is a zip archive but not a Word document (it has no word/document.xml); give a .docx file') };
    }
    return { ok: false, message: msg(`Word 文件已损坏，无法读取（${detail}）；请在 Word 中打开并重新保存`, `the Word file is damaged and cannot be read (${detail}); open it in Word and save it again`) };
  }
  if (!doc) return { ok: false, message: msg('Word 文件中没有正文', 'the Word file has no body') };

  const blocks: Block[] = [];
  const skipped: Note[] = [];
  let n = 0;
  let comments = 0;
  let list: { ordered: boolean; level: number; n: number } | undefined;
  for (const el of doc.children ?? []) {
    if (el.type === 'table') {
      n++;
      list = undefined;
      const rows = (el.children ?? []).filter((r) => r.type === 'tableRow');
      const cols = Math.max(0, ...rows.map((r) => (r.children ?? []).length));
      const text = cleanLine(plainText(el).replace(/\s+/g, ' '));
      const shown = text.length > 40 ? `${text.slice(0, 40)}……` : text;
      skipped.push({
        at: [n],
        message: msg(`表格（${rows.length} 行 × ${cols} 列${shown ? `：${shown}` : ''}）没有导入：简报格式中还没有表格，请另行处理`, `a table (${rows.length} × ${cols}${shown ? `: ${shown}` : ''}) was not imported: the format has no tables yet`),
      });
      continue;
    }
    if (el.type !== 'paragraph') continue;
    const parts: Part[] = [];
    runsOf(el, false, parts);
    const images = parts.filter((p): p is { image: string } => typeof p === 'object' && 'image' in p);
    const notes = parts.filter((p): p is { note: Element } => typeof p === 'object' && 'note' in p).map((p) => resolveNote(doc!, p.note));
    comments += parts.filter((p) => p === 'comment').length;
    const lines: Run[][] = [[]];
    for (const p of parts) {
      if (p === 'break') lines.push([]);
      else if (typeof p === 'object' && 'text' in p) lines[lines.length - 1]!.push(p);
    }
    // A line break inside a paragraph starts a paragraph of its own, unless it cuts a sentence (then it is joined).
    const texts: string[] = [];
    for (const t of lines.map((l) => cleanLine(l.map((r) => r.text).join(''))).filter((t) => t !== '')) {
      const prev = texts[texts.length - 1];
      if (prev !== undefined && !endsSentence(prev)) texts[texts.length - 1] = joinCut(prev, t);
      else texts.push(t);
    }
    if (texts.length === 0 && images.length === 0 && notes.length === 0) continue;
    n++;
    for (const img of images) {
      skipped.push({ at: [n], message: msg(`图片（${img.image}）没有导入：简报格式中还没有图片，请另行处理`, `a picture (${img.image}) was not imported: the format has no pictures yet`) });
    }
    for (const note of notes) {
      const body = note ? cleanLine(plainText({ type: 'note', children: note.body })) : '';
      skipped.push({ at: [n], message: msg(`脚注没有导入${body ? `：${body}` : ''}`, `a footnote was not imported${body ? `: ${body}` : ''}`) });
    }
    if (texts.length === 0) continue;
    const runs = lines.flat().filter((r) => r.text.trim() !== '');
    let boldLead = '';
    for (const r of runs) {
      if (!r.bold) break;
      boldLead += r.text;
    }
    const numbering = el.numbering;
    if (numbering) {
      const level = Number(numbering.level) || 0;
      list = list && list.level === level && list.ordered === numbering.isOrdered ? { ...list, n: list.n + 1 } : { ordered: numbering.isOrdered, level, n: 1 };
    } else list = undefined;
    texts.forEach((text, i) => {
      blocks.push({
        text,
        at: n,
        heading: HEADING.test(el.styleName ?? '') || HEADING.test(el.styleId ?? ''),
        allBold: runs.length > 0 && runs.every((r) => r.bold),
        ...(i === 0 && boldLead.trim() !== '' ? { boldLead: cleanLine(boldLead) } : {}),
        ...(i === 0 && list ? { list } : {}),
      });
    });
  }
  if (comments > 0) skipped.push({ at: [], message: msg(`${comments} 条批注没有导入（批注不是正文）`, `${comments} review comment(s) not imported (they are not body text)`) });
  return { ok: true, blocks, skipped };
}
