/**
 * Font problems the CLI prints as a one-line message (zh/en), never as a stack trace.
 */
import type { Message } from '../diagnostics.js';

export type FontErrorCode =
  /** The file could not be read (missing, permission). */
  | 'font-unreadable'
  /** The file is not a TrueType/OpenType font or collection, or its tables are damaged. */
  | 'font-corrupt'
  /** A collection (.ttc/.otc) has no face with the requested PostScript name. */
  | 'font-face-not-found'
  /** The free stand-in fonts that `npm ci` installs are missing. */
  | 'font-standin-missing';

export class FontError extends Error {
  constructor(
    readonly code: FontErrorCode,
    readonly file: string,
    readonly msg: Message,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${msg.en}`, options);
    this.name = 'FontError';
  }
}

export function isFontError(e: unknown): e is FontError {
  return e instanceof FontError;
}

/** A font file that cannot be read completely: named, with what failed, for the user and for the fallback. */
export function fontCorrupt(file: string, why: string | Message, cause?: unknown): FontError {
  const w = typeof why === 'string' ? { zh: why, en: why } : why;
  return new FontError(
    'font-corrupt',
    file,
    { zh: `不是可用的字体文件，或文件已损坏：${file}（${w.zh}）`, en: `not a usable font file, or the file is damaged: ${file} (${w.en})` },
    cause === undefined ? undefined : { cause },
  );
}

/** Runs `fn`; anything it throws that is not already a FontError becomes one naming `file` (a damaged font). */
export function asFontError<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FontError) throw e;
    throw fontCorrupt(file, e instanceof Error ? e.message : String(e), e);
  }
}
