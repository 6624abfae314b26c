/**
 * What `bulletin import` passes between its stages: the input as blocks of text with their place in the file, and
 * the draft issue the recognisers build from them (plain strings; the YAML writer turns it into the project's
 * format, and `bulletin check` / `build` read that back through the ordinary loader).
 */
import type { Message } from '../diagnostics.js';

/** How a place in an input is counted: text files by line, Word files by (non-empty) paragraph. */
export type Unit = 'line' | 'paragraph';

/** One paragraph of input: a non-empty line of a text file, or a paragraph of a Word file. */
export interface Block {
  text: string;
  /** 1-based line (text) or paragraph number (Word) where the block starts. */
  at: number;
  /** Word: the bold text that opens the paragraph (a lead sentence set in bold), if any. */
  boldLead?: string;
  /** Word: the whole paragraph is bold. */
  allBold?: boolean;
  /** Word: the paragraph has a heading or title style. */
  heading?: boolean;
  /** Word: an automatically numbered or bulleted list paragraph; `n` counts the run of list paragraphs. */
  list?: { ordered: boolean; level: number; n: number };
}

/** A place in an input and what was guessed or left out there. */
export interface Note {
  at: number[];
  message: Message;
}

/** Comments the YAML writer puts beside a field (Chinese, as the file's other comments). */
export type FieldComments = Partial<Record<'title' | 'body' | 'source' | 'note' | 'label' | 'number' | 'date', string>>;

export interface DraftItem {
  title?: string;
  paragraphs: string[];
  source?: string;
  note?: string;
  comments: FieldComments;
}

export interface DraftSection {
  label: string;
  /** Written only when not the default (true). */
  numbered?: boolean;
  listed?: boolean;
  style?: 'bullets';
  items: DraftItem[];
  /** Why the section's flags were chosen, written above them. */
  comment?: string;
  comments: FieldComments;
}

export interface DistributionDraft {
  label: string;
  recipients: string;
}

/** The settings that belong in a series file (bulletin.series.yaml), as far as the input showed them. */
export interface DraftSeries {
  name?: string;
  seriesLine?: string;
  offices?: string[];
  securityMark?: string;
  distribution?: DistributionDraft[];
  editors?: string[];
  printCount?: number;
  serial?: string;
}

export const SERIES_KEYS = ['name', 'seriesLine', 'offices', 'securityMark', 'distribution', 'editors', 'printCount', 'serial'] as const;
export type SeriesKey = (typeof SERIES_KEYS)[number];

export interface Draft {
  number?: number;
  yearNumber?: number;
  /** YYYY-MM-DD */
  date?: string;
  series: DraftSeries;
  sections: DraftSection[];
  comments: FieldComments;
  /** What was recognised, one line each, for the report. */
  recognised: Message[];
  /** Where the importer guessed (also written as # comments in the file). */
  guesses: Note[];
  /** Input text that is in neither file, and why. */
  skipped: Note[];
}

export function emptyDraft(): Draft {
  return { series: {}, sections: [], comments: {}, recognised: [], guesses: [], skipped: [] };
}

/** "第 34、36 行" / "第 4 段" (zh) or "lines 34, 36" / "paragraph 4" (en): where in an input, as the report says it. */
export function place(unit: Unit, at: number[]): Message {
  const zh = at.join('、');
  const en = at.join(', ');
  if (unit === 'line') return { zh: `第 ${zh} 行`, en: `${at.length > 1 ? 'lines' : 'line'} ${en}` };
  return { zh: `第 ${zh} 段`, en: `${at.length > 1 ? 'paragraphs' : 'paragraph'} ${en}` };
}
