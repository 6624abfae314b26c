/**
 * Text inputs: the encoding (UTF-8, UTF-16 with its byte-order mark as Notepad's "Unicode" writes it, or GBK /
 * GB18030 as older Notepad and many offices still save), then the lines as blocks — one per non-empty line, with
 * its line number, page numbers copied out of a PDF ("— 3 —") left out and said so.
 */
import type { Message } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { detectText } from '../issue/decode-text.js';
import type { Block, Note } from './types.js';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; message: Message };

const NOT_TEXT = msg(
  '这不是文本文件（含有二进制数据），也不是 Word 文档；请给出 .txt（UTF-8 或 GBK 编码）或 .docx 文件',
  'this is not a text file (it holds binary data), nor a Word document; give a .txt (UTF-8 or GBK) or .docx file',
);

export function decodeText(bytes: Uint8Array): Decoded {
  const d = detectText(bytes);
  if (!d.ok && d.why === 'binary') return { ok: false, message: NOT_TEXT };
  if (!d.ok && d.why === 'unknown') {
    return {
      ok: false,
      message: msg(
        '文件既不是 UTF-8 也不是 GBK/GB18030 编码的中文文本（可能是二进制文件）；请在记事本中“另存为”UTF-8 后再导入',
        'the file is neither UTF-8 nor GBK/GB18030 Chinese text (it may be binary); save it as UTF-8 in a text editor and import again',
      ),
    };
  }
  const text = d.ok ? d.text : undefined;
  const encoding = d.ok ? d.encoding : '';
  if (text === undefined) return { ok: false, message: msg('文件的 UTF-16 编码有误，请另存为 UTF-8 后再导入', 'the file is not valid UTF-16; save it as UTF-8 and import again') };
  // Tabs, line and page breaks (pdftotext puts \f between pages) are text; other control characters are not.
  const control = /[\u0000-\u0008\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split(/\r\n|\r|\n/).length;
    return { ok: false, message: msg(`${NOT_TEXT.zh}（第 ${line} 行有控制字符）`, `${NOT_TEXT.en} (control character on line ${line})`) };
  }
  return { ok: true, text, encoding };
}

/** Characters a reader cannot see, which would only break matching and the checks: removed, and counted. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** A line that is only a page number as a PDF prints it: — 3 —, - 3 -, －3－, 第 3 页, 3/12, or a bare number. */
const PAGE_NUMBER = /^(?:[-—–－─‒―]+\s*\d{1,4}\s*[-—–－─‒―]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,3})$/;

/** Trims a line's ends, indentation in full-width spaces included, and makes tabs and no-break spaces plain spaces. */
export function cleanLine(s: string): string {
  return s.replace(/[\t\u00a0\u2002-\u200a\u202f]/g, ' ').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

export function textBlocks(text: string): { blocks: Block[]; skipped: Note[] } {
  const blocks: Block[] = [];
  const pages: { at: number; text: string }[] = [];
  const invisible: number[] = [];
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  lines.forEach((line, i) => {
    for (const part of line.split(/[\f\v]/)) {
      const visible = part.replace(INVISIBLE, '');
      if (visible !== part && !invisible.includes(i + 1)) invisible.push(i + 1);
      const t = cleanLine(visible);
      if (t === '') continue;
      if (PAGE_NUMBER.test(t)) pages.push({ at: i + 1, text: t });
      else blocks.push({ text: t, at: i + 1 });
    }
  });
  const skipped: Note[] = [];
  if (pages.length > 0) {
    const list = pages.map((p) => p.text).join('、');
    skipped.push({ at: pages.map((p) => p.at), message: msg(`页码（${list}），已去掉`, `page numbers (${list}), left out`) });
  }
  if (invisible.length > 0) {
    skipped.push({ at: invisible, message: msg('看不见的字符（零宽空格、软连字符等），已去掉', 'invisible characters (zero-width spaces, soft hyphens…), removed') });
  }
  return { blocks, skipped };
}
