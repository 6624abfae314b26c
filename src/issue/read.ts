import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { codePointLabel, hanCount } from '../text/chars.js';
import { describeFsError } from '../io/fs-errors.js';

/** Bulletins are a few dozen kilobytes; anything this large is a mistake (or an attack), not an issue file. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ReadResult {
  text?: string;
  diagnostics: Diagnostic[];
}

function diag(file: string, rule: string, zh: string, en: string, line = 1, column = 1): Diagnostic {
  return { file, line, column, severity: 'error', rule, message: msg(zh, en) };
}

/**
 * Reads a file as UTF-8 text, or explains why it cannot: missing, too large, binary, UTF-16, GB18030/GBK.
 * Synchronous I/O under an async signature: a command reads a few small files, and each trip through the
 * thread pool cost more than the read (it showed in the watch path's rebuild time).
 */
export async function readText(file: string, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // Opened without blocking and checked on the open file: a FIFO or a device named *.yaml would otherwise hang
    // the read (or never end), and checking the name first could be fooled by a swap in between.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (info.isDirectory()) {
      return { diagnostics: [diag(file, 'io', '这是一个文件夹，不是 YAML 文件', 'this is a directory, not a YAML file')] };
    }
    if (!info.isFile()) {
      return {
        diagnostics: [
          diag(file, 'io', '这不是普通文件（而是管道、设备或套接字），不能作为简报文件读取', 'this is not a regular file (a pipe, device or socket); it cannot be read as an issue file'),
        ],
      };
    }
    if (info.size > maxBytes) {
      const mb = (info.size / 1024 / 1024).toFixed(1);
      const limit = Math.round(maxBytes / 1024 / 1024);
      return {
        diagnostics: [
          diag(
            file,
            'file-too-large',
            `文件太大（${mb} MB），超过 ${limit} MB 的上限；一期简报通常只有几十 KB，请检查是否选错了文件`,
            `file is too large (${mb} MB, the limit is ${limit} MB); an issue file is normally a few dozen KB — is this the right file?`,
          ),
        ],
      };
    }
    bytes = readFileSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = describeFsError(err);
    if (code === 'ENOENT') return { diagnostics: [diag(file, 'io', '找不到这个文件', 'file not found')] };
    if (code === 'ENOTDIR') return { diagnostics: [diag(file, 'io', `找不到这个文件（${why.zh}）`, `file not found (${why.en})`)] };
    return { diagnostics: [diag(file, 'io', `无法读取这个文件：${why.zh}`, `cannot read the file: ${why.en}`)] };
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* nothing to do */
      }
    }
  }
  return decode(file, bytes);
}

/** Decodes bytes that should be UTF-8 YAML; a UTF-8 BOM is dropped. */
export function decode(file: string, bytes: Uint8Array): ReadResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe || bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      diagnostics: [
        diag(file, 'encoding', '文件是 UTF-16 编码；请用编辑器“另存为 UTF-8”后再试', 'the file is UTF-16; save it as UTF-8 and try again'),
      ],
    };
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  const nul = body.indexOf(0);
  if (nul >= 0) {
    const { line, column } = lineColOfByte(body, nul);
    return {
      diagnostics: [
        diag(file, 'not-text', '这不是文本文件（含有二进制数据），不是 YAML 简报文件', 'this is not a text file (it contains binary data), not a YAML issue file', line, column),
      ],
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    const control = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
    if (control) {
      const before = text.slice(0, control.index);
      const line = before.split('\n').length;
      const column = control.index - before.lastIndexOf('\n');
      return {
        diagnostics: [
          diag(
            file,
            'not-text',
            `第 ${line} 行含有控制字符 ${codePointLabel(control[0])}，这不像 YAML 文本文件`,
            `line ${line} contains the control character ${codePointLabel(control[0])}; this does not look like a YAML text file`,
            line,
            column,
          ),
        ],
      };
    }
    return { text, diagnostics: [] };
  } catch {
    const bad = firstInvalidUtf8(body);
    const { line, column } = lineColOfByte(body, bad);
    if (looksLikeGb18030(body)) {
      return {
        diagnostics: [
          diag(
            file,
            'encoding',
            '文件似乎是 GB18030/GBK 编码，不是 UTF-8；请在编辑器中“另存为 UTF-8”后再试',
            'the file seems to be encoded in GB18030/GBK, not UTF-8; save it as UTF-8 and try again',
            line,
            column,
          ),
        ],
      };
    }
    return {
      diagnostics: [
        diag(file, 'encoding', '文件不是有效的 UTF-8 文本；请另存为 UTF-8 编码', 'the file is not valid UTF-8 text; save it as UTF-8', line, column),
      ],
    };
  }
}

function looksLikeGb18030(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    const han = hanCount(text);
    const weird = text.match(/[\u0080-\u2fff\ue000-\uf8ff]/g)?.length ?? 0;
    return han > 0 && han >= weird;
  } catch {
    return false;
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}

/** Line and column (in characters, counting the valid UTF-8 before it) of a byte offset. */
function lineColOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}
