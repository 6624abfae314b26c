/**
 * Reads one input of `bulletin import`. The size is judged on the open file before anything is read (a 50 MB
 * "draft" is refused at once), and the kind by the first bytes, not the name: a .docx is a zip, an encrypted one
 * (and an old .doc) an OLE compound file, and a PDF or RTF saved under another name says so too.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Message } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { MAX_FILE_BYTES } from '../issue/read.js';
import { describeFsError } from '../io/fs-errors.js';

/** A department's Word file is text and a few photos; anything larger is the wrong file (or a trap). */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;
/** Text: the same ceiling as an issue file. */
export const MAX_TEXT_BYTES = MAX_FILE_BYTES;

export type InputRead =
  | { ok: true; kind: 'docx' | 'text'; bytes: Buffer }
  /** `exit`: 2 when the file could not be read (I/O), 1 when it was read but is nothing we can import. */
  | { ok: false; exit: 1 | 2; message: Message };

const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[] | string): boolean {
  const p = typeof prefix === 'string' ? [...Buffer.from(prefix, 'latin1')] : prefix;
  return p.every((b, i) => bytes[i] === b);
}

function isWordName(file: string): boolean {
  return /\.(docx|docm|dotx|doc|wps)$/i.test(file);
}

export function readInput(file: string): InputRead {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (info.isDirectory()) return { ok: false, exit: 2, message: msg('这是一个文件夹；请给出 .docx 或 .txt 文件', 'this is a folder; give a .docx or .txt file') };
    if (!info.isFile()) return { ok: false, exit: 2, message: msg('这不是普通文件（而是管道、设备或套接字）', 'this is not a regular file (a pipe, device or socket)') };
    if (info.size === 0) return { ok: false, exit: 1, message: msg('文件是空的，没有可以导入的内容', 'the file is empty; there is nothing to import') };
    const head = Buffer.alloc(Math.min(8, info.size));
    readSync(fd, head, 0, head.length, 0);
    const word = startsWith(head, ZIP) || startsWith(head, OLE) || isWordName(file);
    const limit = word ? MAX_DOCX_BYTES : MAX_TEXT_BYTES;
    if (info.size > limit) {
      const mb = (info.size / 1024 / 1024).toFixed(1);
      const max = Math.round(limit / 1024 / 1024);
      return {
        ok: false,
        exit: 1,
        message: msg(
          `文件太大（${mb} MB），超过 ${max} MB 的上限，没有读取；一条信息或一期简报通常不到 1 MB，请检查是否选错了文件（照片很多时，请先在 Word 中压缩图片）`,
          `the file is too large (${mb} MB, the limit is ${max} MB) and was not read; an item or an issue is normally under 1 MB — is this the right file? (with many photos, compress them in Word first)`,
        ),
      };
    }
    const bytes = Buffer.alloc(info.size);
    let off = 0;
    while (off < bytes.length) {
      const n = readSync(fd, bytes, off, bytes.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return sniff(file, bytes.subarray(0, off));
  } catch (err) {
    const why = describeFsError(err);
    return { ok: false, exit: 2, message: msg(`无法读取：${why.zh}`, `cannot read it: ${why.en}`) };
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* nothing to do */
      }
    }
  }
}

/** The kind of a file by its first bytes; an unreadable kind is a message saying what to do instead. */
export function sniff(file: string, bytes: Buffer): InputRead {
  if (startsWith(bytes, ZIP)) return { ok: true, kind: 'docx', bytes };
  if (startsWith(bytes, OLE)) {
    // An encrypted .docx is an OLE compound file holding the zip as a stream of this name (MS-OFFCRYPTO §2.3.4.4).
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      return {
        ok: false,
        exit: 1,
        message: msg(
          '这个 Word 文件设置了打开密码（已加密），无法读取；请在 Word 中打开，在“文件 → 信息 → 保护文档 → 用密码进行加密”中清除密码并保存，再导入',
          'this Word file is password-protected (encrypted) and cannot be read; open it in Word, remove the password (File → Info → Protect Document → Encrypt with Password), save, and import again',
        ),
      };
    }
    return {
      ok: false,
      exit: 1,
      message: msg(
        '这是旧版 Word（.doc）或 WPS 格式的文件，不能直接导入；请在 Word 或 WPS 中“另存为”Word 文档（.docx）后再导入',
        'this is an old Word (.doc) or WPS file and cannot be imported directly; save it as a Word document (.docx) in Word or WPS and import that',
      ),
    };
  }
  if (startsWith(bytes, '%PDF-')) {
    return {
      ok: false,
      exit: 1,
      message: msg(
        '这是 PDF 文件，不能直接导入；请在 PDF 阅读器中全选并复制文字，粘贴到记事本中存为 .txt 后再导入',
        'this is a PDF file and cannot be imported directly; select and copy all its text in a PDF reader, save it as a .txt file and import that',
      ),
    };
  }
  if (startsWith(bytes, '{\\rtf')) {
    return {
      ok: false,
      exit: 1,
      message: msg('这是 RTF 文件，不能直接导入；请在 Word 或 WPS 中“另存为”.docx 后再导入', 'this is an RTF file and cannot be imported directly; save it as .docx in Word or WPS and import that'),
    };
  }
  if (/\.(docx|docm|dotx)$/i.test(file)) {
    return {
      ok: false,
      exit: 1,
      message: msg(
        `文件名以 ${path.extname(file)} 结尾，但内容不是 Word 文档（.docx 文件是 zip 压缩格式，这个文件不是）；文件可能已损坏或被改了扩展名，请在 Word 中重新保存`,
        `the name ends in ${path.extname(file)} but the content is not a Word document (a .docx is a zip archive and this is not); it may be damaged or renamed — save it again from Word`,
      ),
    };
  }
  return { ok: true, kind: 'text', bytes };
}
