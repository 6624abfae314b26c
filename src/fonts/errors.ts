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
