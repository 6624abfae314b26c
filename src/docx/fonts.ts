/**
 * The fonts a .docx names for each role. Word finds fonts by name on the reader's PC, so the East-Asian name is the
 * first family name the series asks for (仿宋_GB2312 by default), never a file: on an office PC with the official
 * fonts the document renders with them, elsewhere Word or LibreOffice substitutes. Digits and Latin letters get a
 * Latin face, as Word's 公文 templates set them.
 */
import { isAbsolute } from 'node:path';
import type { FontRole, FontSettings } from '../issue/model.js';
import { DEFAULT_FONTS } from '../issue/defaults.js';

export interface RoleFonts {
  /** w:eastAsia: Han characters and full-width punctuation. */
  eastAsia: string;
  /** w:ascii and w:hAnsi: digits and Latin letters. */
  latin: string;
}

export type DocxFonts = Record<FontRole, RoleFonts>;

/** Latin faces by role: Times New Roman beside the serif-like faces, Arial beside 黑体; page numbers keep 宋体's own. */
const LATIN: Record<FontRole, string | undefined> = {
  masthead: 'Times New Roman',
  body: 'Times New Roman',
  heading: 'Arial',
  kai: 'Times New Roman',
  number: undefined,
};

/**
 * A role's names from the series' `fonts` setting: the first entry that is a family name (normalize has made every
 * path absolute, so a relative-looking name is a name), else the format's default.
 */
export function docxFonts(settings: FontSettings): DocxFonts {
  const out = {} as DocxFonts;
  for (const role of Object.keys(DEFAULT_FONTS) as FontRole[]) {
    const eastAsia = (settings[role] ?? []).find((n) => !isAbsolute(n)) ?? DEFAULT_FONTS[role][0]!;
    out[role] = { eastAsia, latin: LATIN[role] ?? eastAsia };
  }
  return out;
}

