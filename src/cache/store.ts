/**
 * One cache entry = one file: a header (magic, key, checksum) and the payload. Written to a temp file and renamed
 * over the entry, so concurrent builds only ever read a whole old entry or a whole new one; read back only when
 * its magic, key and checksum match, so a stale, truncated or damaged entry is a miss, never wrong data.
 * Every failure (no folder, read-only disk, a rename that Windows refuses while another process reads) is a miss
 * or a skipped write: the cache never fails a build.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const MAGIC = Buffer.from('BLTNCACH', 'latin1');
const SUM = 20; // sha1

const digest = (...parts: (Buffer | Uint8Array)[]): Buffer => {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** The payload stored under `file` for `key`, or null (missing, another key, damaged). */
export function readEntry(file: string, key: string): Buffer | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const k = Buffer.from(key, 'utf8');
  const head = MAGIC.length + 4;
  if (bytes.length < head + SUM || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const klen = bytes.readUInt32LE(MAGIC.length);
  if (klen !== k.length || bytes.length < head + klen + SUM) return null;
  if (!bytes.subarray(head, head + klen).equals(k)) return null;
  const sum = bytes.subarray(head + klen, head + klen + SUM);
  const payload = bytes.subarray(head + klen + SUM);
  return digest(k, payload).equals(sum) ? payload : null;
}

/** Stores `payload` under `file` for `key`; false when it could not (the cache is then simply not used). */
export function writeEntry(file: string, key: string, payload: Buffer | Uint8Array): boolean {
  const k = Buffer.from(key, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(k.length);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, Buffer.concat([MAGIC, len, k, digest(k, payload), payload]));
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      /* never written */
    }
    return false;
  }
}

/** A short, file-name-safe hash of `text`. */
export function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}
