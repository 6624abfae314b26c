/**
 * Writes a file so that readers only ever see the old bytes or the new ones: a temp file in the same folder
 * (same file system, so rename is atomic), fsync, then rename over the target. A failure removes the temp file
 * and leaves any earlier target untouched, so a failed build never destroys a good PDF.
 */
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Message } from '../diagnostics.js';
import { describeFsError } from './fs-errors.js';

export type WriteErrorCode = 'EACCES' | 'ENOSPC' | 'EISDIR' | 'ENOENT' | 'EROFS' | 'NOTFILE' | 'OTHER';

/** A write failure with a message the CLI prints as is (zh/en); `cause` keeps the system error. */
export class WriteError extends Error {
  constructor(
    readonly code: WriteErrorCode,
    readonly file: string,
    readonly msg: Message,
    options?: { cause?: unknown },
  ) {
    super(msg.en, options);
    this.name = 'WriteError';
  }
}

const CODES: Record<string, WriteErrorCode> = { EACCES: 'EACCES', EPERM: 'EACCES', ENOSPC: 'ENOSPC', EDQUOT: 'ENOSPC', EISDIR: 'EISDIR', ENOTDIR: 'ENOENT', ENOENT: 'ENOENT', EROFS: 'EROFS', NOTFILE: 'NOTFILE' };

/**
 * Maps a system error from writing `file` to a WriteError: "cannot write FILE: why", the why in the words of
 * fs-errors.ts; a missing folder, and one that exists but takes no new files (/proc, a special mount: ENOENT too),
 * said as such.
 */
export function toWriteError(e: unknown, file: string): WriteError {
  const sys = (e as NodeJS.ErrnoException).code ?? '';
  const dir = dirname(file);
  const code = CODES[sys] ?? 'OTHER';
  if (sys === 'ENOENT' && existsSync(dir)) {
    return new WriteError(code, file, { zh: `无法在文件夹 ${dir} 中写入文件（这个文件夹不允许新建文件）：${file}`, en: `cannot write ${file}: the folder ${dir} does not allow new files` }, { cause: e });
  }
  if (sys === 'ENOENT') return new WriteError(code, file, { zh: `输出文件夹不存在：${dir}`, en: `the output folder does not exist: ${dir}` }, { cause: e });
  const why = sys === 'NOTFILE' ? { zh: '不是普通文件', en: 'it is not a regular file' } : describeFsError(e);
  return new WriteError(code, file, { zh: `无法写入 ${file}：${why.zh}`, en: `cannot write ${file}: ${why.en}` }, { cause: e });
}

let counter = 0;

/**
 * The system calls used to write, as a seam: tests replace one to simulate what cannot be arranged honestly on a
 * shared machine (a full disk: `io.writeSync = () => { throw ENOSPC }`), and restore it after.
 */
export const io = { openSync, writeSync, fsyncSync, closeSync, renameSync, unlinkSync };

/** Atomically replaces `target` with `bytes`. Throws `WriteError`; on failure nothing is left behind. */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  let file = resolve(target);
  let kind: 'none' | 'file' | 'dir' | 'other' = 'none';
  // A replaced file keeps its permissions (a YAML the editor made read-only for others stays so).
  let mode = 0o666;
  try {
    // Through symlinks: a link to the PDF keeps pointing at the new one.
    file = realpathSync(file);
    const st = statSync(file);
    kind = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
    if (kind === 'file') mode = st.mode & 0o7777;
  } catch {
    /* no target yet: fine */
  }
  // Never rename over a folder, a device or a pipe.
  if (kind === 'dir') throw toWriteError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), file);
  if (kind === 'other') throw toWriteError(Object.assign(new Error('NOTFILE'), { code: 'NOTFILE' }), file);

  // Hidden, unique per process and call; `.tmp` so a crash leftover is recognisable (and git-ignored).
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${++counter}.tmp`);
  let fd: number | undefined;
  try {
    fd = io.openSync(temp, 'wx', mode);
    let off = 0;
    while (off < bytes.length) off += io.writeSync(fd, bytes, off, bytes.length - off);
    io.fsyncSync(fd);
    io.closeSync(fd);
    fd = undefined;
    if (kind === 'file') chmodSync(temp, mode); // the umask may have narrowed it
    io.renameSync(temp, file);
  } catch (e) {
    if (fd !== undefined) {
      try {
        io.closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      io.unlinkSync(temp);
    } catch {
      /* never created */
    }
    throw toWriteError(e, file);
  }
  removeStaleTemps(file);
  // Make the rename itself durable where the platform allows fsync on a folder (not on Windows).
  if (process.platform !== 'win32') {
    try {
      const dfd = io.openSync(dirname(file), 'r');
      try {
        io.fsyncSync(dfd);
      } finally {
        io.closeSync(dfd);
      }
    } catch {
      /* best effort */
    }
  }
}

/**
 * A build killed between writing its temp file and the rename (SIGKILL, power cut) leaves `.NAME.PID.N.tmp` beside
 * the target. After a successful write, such leftovers of the same target whose process is gone are removed.
 */
function removeStaleTemps(file: string): void {
  const dir = dirname(file);
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    try {
      io.unlinkSync(join(dir, name));
    } catch {
      /* gone already, or not ours to remove */
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
