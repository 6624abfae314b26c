/**
 * Which encoding a text file from an office is in, and its text: UTF-8 (with or without BOM), UTF-16 with its
 * byte-order mark (Notepad's and Excel's "Unicode"), or GBK / GB18030 (older Notepad, Excel's CSV on a Chinese
 * Windows). `import` reads .txt files with it and tables read their CSV files with it; each words its own errors.
 */
import { looksLikeGb18030 } from './read.js';

export type Detected = { ok: true; text: string; encoding: string } | { ok: false; why: 'binary' | 'unknown' | 'utf-16' };

function strict(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function detectText(bytes: Uint8Array): Detected {
  if (bytes[0] === 0xff && bytes[1] === 0xfe || bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = strict(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', bytes.subarray(2));
    return text === undefined ? { ok: false, why: 'utf-16' } : { ok: true, text, encoding: 'UTF-16' };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return { ok: false, why: 'binary' };
  const utf8 = strict('utf-8', body);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: bom ? 'UTF-8（BOM）' : 'UTF-8' };
  const gb = !bom && looksLikeGb18030(body) ? strict('gb18030', body) : undefined;
  return gb === undefined ? { ok: false, why: 'unknown' } : { ok: true, text: gb, encoding: 'GBK/GB18030' };
}
