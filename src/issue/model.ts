/**
 * The typed, normalised issue: what every later stage (check, typeset) reads.
 * Produced by `normalize.ts` from the validated YAML (issue file merged over the series file).
 * Everything here is plain data; positions are kept as `SourceRef`s and resolved by the loader's source map.
 */

/** Where a value came from: the file and the YAML path of the scalar, e.g. ['sections', 0, 'items', 2, 'body']. */
export interface SourceRef {
  file: string;
  path: (string | number)[];
  /** Offset of this text inside the scalar's parsed value (a paragraph split out of a longer body). */
  offset?: number;
  /**
   * A text read from a file that is not YAML (a table cell of a CSV file, which `file` then names): where it starts
   * there. Positions are counted from it, and no fix edits it.
   */
  at?: { line: number; column: number };
}

/** A piece of text with where it came from, so a rule can point at a character inside it. */
export interface Text {
  text: string;
  ref: SourceRef;
}

/** Colours are given in the PDF's terms: CMYK in percent (0–100), RGB in 0–255. */
export type Colour = { space: 'cmyk'; values: [number, number, number, number] } | { space: 'rgb'; values: [number, number, number] };

/** One line of the distribution footer: 送：…, 报：…, 发：…, 抄送：… */
export interface DistributionLine {
  label: string;
  recipients: Text;
}

export type ContentsTitle = '本期目录' | '目录' | '本期要目';

export type FontRole = 'masthead' | 'body' | 'heading' | 'kai' | 'number';

/** For each role, an ordered list of candidates: family names (looked up in the OS and fonts/ folders) or file paths. */
export type FontSettings = Record<FontRole, string[]>;

/** Page geometry in millimetres and the character grid (GB/T 9704-2012 §5.2 by default). */
export interface PageSettings {
  widthMm: number;
  heightMm: number;
  topMm: number;
  leftMm: number;
  typeWidthMm: number;
  typeHeightMm: number;
  bodySizePt: number;
  charsPerLine: number;
  linesPerPage: number;
  /** 'outside': odd pages right, even pages left (GB/T 9704 §7.5); 'center': centred. */
  pageNumbers: 'outside' | 'center';
}

/** `check:` in the series file: what src/check/rules reads as its settings (defaults live there). */
export interface CheckOptions {
  titleMaxLength?: number;
  numberSpacing?: 'none' | 'space' | 'any';
  allowFutureDate?: boolean;
}

/**
 * `stats:` in the series file: how `bulletin stats` scores the items it counts (src/stats, which holds the
 * defaults: 1 point an item, no marks, `each`). Only the keys that were written are set.
 */
export interface StatsOptions {
  /** Points an item of a section is worth, by section label. */
  points?: Record<string, number>;
  /** Points a mark on an item (`marks: [批示]`) adds, by mark. */
  marks?: Record<string, number>;
  /** An item with several source units: each gets the full points, or they split them. */
  multiSource?: 'each' | 'split';
}

export interface SeriesSettings {
  /** Bulletin name, e.g. 姑苏信息 */
  name: string;
  /** Series line, e.g. 动态·摘报 (shown in parentheses under the name) */
  seriesLine?: string;
  offices: string[];
  securityMark?: string;
  colour: Colour;
  distribution: DistributionLine[];
  editors: string[];
  printCount?: number;
  serial?: string;
  fonts: FontSettings;
  /** Extra font files or folders given in the config, resolved to absolute paths. */
  fontPaths: string[];
  page: PageSettings;
  /** Known issuing offices / sources, for the `source-unknown` check (empty: no check). */
  sources: string[];
  /** Other ways of writing a known source (`{ name, aliases }` in `sources`): alias → the name in `sources`. */
  sourceAliases?: Record<string, string>;
  /** Rule id → severity override from the series file. */
  rules: Record<string, 'off' | 'warning' | 'error'>;
  /** House-style settings for the editorial rules (`check:` in the series file); unset fields take the rules' defaults. */
  check?: CheckOptions;
  /** How `bulletin stats` scores items (`stats:` in the series file). */
  stats?: StatsOptions;
  /** The issue line's wording: 'yearly' is 2026 年第 N 期; absent, 第 N 期 with the year's or the total count. */
  numbering?: 'yearly';
  /** `contents:`: the heading's word and whether the contents is printed ('auto': not for an issue of one article). */
  contents?: { title?: ContentsTitle; show?: 'auto' | boolean };
  /** Absolute path of the series file that was merged in, if any. */
  seriesFile?: string;
  /**
   * Where each setting that was written came from: the issue file when it sets it, else the series file. Keyed by
   * the setting's path joined with dots: `name`, `seriesLine`, `securityMark`, `offices`, `editors`, `serial`,
   * `printCount`, `distribution`, `fonts.masthead` … `fonts.number`. A list's items are at `[...ref.path, i]` in
   * `ref.file` (lists are replaced whole, never merged).
   */
  refs?: Record<string, SourceRef>;
}

export interface Item {
  /** Continuous number across numbered sections (1, 2, 3 …); undefined in unnumbered sections. */
  number?: number;
  /** Lead sentence without its final 。 (it is added when set run-in). Briefs usually have none. */
  title?: Text;
  /** One or more paragraphs. */
  paragraphs: Text[];
  /** Source without parentheses, e.g. 区发改局. */
  source?: Text;
  /** Editor's note (编者按), set in 楷体 before the body. */
  note?: Text;
  /** Marks that earn extra points in `bulletin stats` (批示, 上级转载); not typeset. */
  marks?: Text[];
  /** Points added (or, negative, taken off) in `bulletin stats`; not typeset. */
  extraPoints?: number;
  /** An article's 副标题, without its leading ——. */
  subtitle?: Text;
  /** An article's byline under the title (the reporting unit). */
  byline?: Text;
  /** 主送机关, as written (ending in ：). */
  addressee?: Text;
  /** 附件说明: one name per attachment. */
  attachments?: Text[];
  /** 落款: the issuing organ and the date (the issue's when not written). */
  signature?: Signature;
  /** Stable anchor id for links and bookmarks, e.g. `item-3` or `s2-i1`. */
  id: string;
  ref: SourceRef;
  /** Photos and tables written among the body's paragraphs (issue 14), in the order written. */
  media?: MediaAt[];
}

/** A photo row or a table, and how many of the item's paragraphs come before it. */
export interface MediaAt {
  before: number;
  media: Media;
}

export type Media = PhotoRow | Table;

/** One photo (`photo:`) or two or three side by side (`photos:`). */
export interface PhotoRow {
  kind: 'photos';
  photos: Photo[];
  ref: SourceRef;
}

/** Width asked for: in characters of the type area, or in millimetres. */
export type MediaWidth = { chars: number } | { mm: number };

export interface Photo {
  /** Absolute path of the JPEG or PNG file. */
  file: string;
  /** Pixels as the photo is seen, upright: after its EXIF orientation. */
  pixelWidth: number;
  pixelHeight: number;
  caption?: Text;
  width?: MediaWidth;
  ref: SourceRef;
}

export type CellAlign = 'left' | 'center' | 'right';

export interface Table {
  kind: 'table';
  title?: Text;
  header?: Text[];
  rows: Text[][];
  /** Relative column widths (any unit; they are shares of the table's width). */
  widths?: number[];
  align?: CellAlign[];
  ref: SourceRef;
}

export interface Signature {
  organ: Text;
  date: IssueDate;
  /** Where the date was written; absent when it is the issue's. */
  dateRef?: SourceRef;
}

export type SectionStyle = 'items' | 'bullets' | 'article';

export interface Section {
  /** Label without brackets, e.g. 动态 (shown as 【动态】); '' when the section has none (no heading is set). */
  label: string;
  numbered: boolean;
  listed: boolean;
  style: SectionStyle;
  items: Item[];
  id: string;
  ref: SourceRef;
}

export interface IssueDate {
  year: number;
  month: number;
  day: number;
  /** 2026-05-21 */
  iso: string;
}

export interface Issue {
  /** Absolute path of the issue file. */
  file: string;
  series: SeriesSettings;
  /** 第 N 期 */
  number: number;
  /** Running number in the year: （2026 年 48 期） */
  yearNumber?: number;
  date: IssueDate;
  /** 总第 N 期: counts the regular issues since the first. */
  totalNumber?: number;
  /** A 增刊, 特刊 or 专刊: `number` is its own count (增刊第 1 期). */
  special?: SpecialKind;
  /** The issue's 编者按, before the first section. */
  note?: Text;
  /** 紧急程度 at the masthead's top left. */
  urgency?: Text;
  /** 份号 or 编号 at the masthead's top right. */
  copyNumber?: Text;
  sections: Section[];
}

export type SpecialKind = '增刊' | '特刊' | '专刊';

/**
 * Resolves `SourceRef`s back to file positions; built by the loader from the YAML Documents' ranges
 * (the issue file and the series file). The one place that owns positions.
 */
export interface SourceMap {
  /** 1-based line and column of the character at `offset` (default 0) within the text of the scalar at `ref`. */
  position(ref: SourceRef, offset?: number): { line: number; column: number };
}
