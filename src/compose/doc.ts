/**
 * `BulletinDoc`: the one document between an issue and every output. Composition (src/compose) makes every
 * presentation decision that is not line breaking or pagination — which text goes in which font role, at which
 * size and colour, in which wording, with which indents, anchors and links — and writes it down here as plain
 * data (JSON-serialisable: no functions, no classes). The typesetter (src/typeset) breaks its lines and paginates
 * it; font coverage (`bulletin check`, `bulletin fonts`) walks its spans; a .docx writer can walk the same blocks.
 *
 * Lengths are in points, sizes in points, `spacing` in em. A new kind of content is a new member of `Block` (or of
 * `Row`) with its own handler in the typesetter; existing kinds and their handlers do not change.
 */
import type { Colour, FontRole, SourceRef } from '../issue/model.js';
import type { Grid } from './geometry.js';
import type { FigureBlock, TableBlock } from './doc-media.js';

export type { Colour, FontRole, SourceRef, Grid };
export type { FigureBlock, FigurePhoto, ImageRef, TableBlock, TableCell } from './doc-media.js';

export interface BulletinDoc {
  /** Page, type area and character grid, resolved to points. */
  grid: Grid;
  /** In reading order: the masthead first, the footer last; what lies between flows on the grid. */
  blocks: Block[];
  pageNumbers: PageNumberStyle;
  /** The PDF's bookmarks (a .docx writer's heading levels). */
  outline: OutlineEntry[];
  info: DocInfoText;
}

/* ---------------------------------------------------------------------------------------------------------------- */
/* Text                                                                                                              */

/** A run of text in one style. */
export interface Span {
  text: string;
  /** Picks the fonts (the role's chain), and so the face's own weight: 黑体 for heading, 小标宋 for masthead. */
  role: FontRole;
  /** pt */
  size: number;
  /** Bold drawn over the role's face (the 编者按： label, a 1. heading in 仿宋): outlines filled and stroked. */
  weight?: 'bold';
  /** Absent: black. */
  colour?: Colour;
  /**
   * Room after each full-width character: 'grid' puts it on the character grid (one cell, `grid.pitch`, per
   * character); a number is letter-spacing in em. Absent: the font's own advance.
   */
  spacing?: 'grid' | number;
  /** Kept on one line: no break between its characters (an editor's name, 共印 N 份). */
  noBreak?: boolean;
  /** Where the text came from; absent for the composition's own wording (本期目录：, 编者按：, 责任编辑：…). */
  source?: SpanSource;
}

/**
 * Where a span's characters were written. `written`: characters [skip, skip + length) of the span are the value at
 * `ref` from its start (the rest — the brackets of （区发改局） or 【动态】, the … of a shortened title — are the
 * composition's wording). `derived`: the span is made from the value at `ref` (the issue line from `number`, the
 * date line from `date`, a contents number from its item), so only `ref` itself can be pointed at.
 */
export type SpanSource =
  | { kind: 'written'; ref: SourceRef; skip?: number; length?: number }
  | { kind: 'derived'; ref: SourceRef; what: DerivedText };

/** What a derived span is, for messages ("used in the issue line"). */
export type DerivedText = 'issueLine' | 'date' | 'contentsNumber';

/* ---------------------------------------------------------------------------------------------------------------- */
/* Paragraphs                                                                                                        */

export type Align = 'left' | 'center' | 'right' | 'justify';

/** Text broken into lines of the measure (the type area's width); every line takes one grid line. */
export interface Paragraph {
  spans: Span[];
  /** Every line but the last; a justified paragraph's last line is set left. */
  align: Align;
  /** Left indent of every line, pt. */
  left?: number;
  /** Right indent of every line, pt. */
  right?: number;
  /** Extra indent of the first line, pt (two characters for body text). */
  indent?: number;
  /** A label at `left` on the first line (• of a brief, 送：of the footer); the text starts `width` further right. */
  hang?: { label: Span; width: HangWidth };
  /** Set after the last line when it fits there, else right-aligned on a line of its own (an item's source). */
  trailer?: Span;
  /** Lines of about equal length when it wraps (a centred title, a long series line); absent: greedy lines. */
  balance?: boolean;
}

/** A hanging label's room: a fixed width, pt, or the label's own width plus `gap` pt. */
export type HangWidth = number | { gap: number };

/** A paragraph of the flow, with what pagination and navigation need. */
export interface FlowParagraph extends Paragraph {
  /** Never ends a page: goes with the first lines of the next paragraph. */
  keepWithNext?: boolean;
  /** Named destination at the paragraph's first line (bookmarks and contents links jump there). */
  anchor?: string;
  /** Every line links to this anchor. */
  link?: string;
  /**
   * Body text: pagination may break it one line longer (a few last lines a character narrower) to fill a page
   * instead of leaving a gap. Labels and contents lines are set as they are.
   */
  loosen?: boolean;
}

/* ---------------------------------------------------------------------------------------------------------------- */
/* Blocks                                                                                                            */

export type Block =
  | MastheadBlock
  | ContentsBlock
  | SectionLabelBlock
  | ParagraphBlock
  | FooterBlock
  | FigureBlock
  | TableBlock
  | TitleBlock
  | SpaceBlock
  | AttachmentsBlock
  | SignatureBlock;

/**
 * 报头: rows at the top of the first page, each on grid lines; the flow starts on the grid line below the last row.
 * Masthead marks (份号, 密级, 紧急程度) are rows too.
 */
export interface MastheadBlock {
  kind: 'masthead';
  rows: Row[];
}

/**
 * 本期目录: a heading line, then one entry per listed section (level 1) and item (level 2). Level-2 entries start
 * their text in one column after the numbers: the widest number plus `numberGap`.
 */
export interface ContentsBlock {
  kind: 'contents';
  heading: FlowParagraph;
  entries: ContentsEntry[];
  /** pt between the widest number and the titles' column. */
  numberGap: number;
}

export interface ContentsEntry {
  level: 1 | 2;
  /** The title (and its indents); it links to the entry's target. */
  paragraph: FlowParagraph;
  /** "3." of a numbered item, hung in the numbers' column; an unnumbered entry starts in the titles' column. */
  number?: Span;
}

/** A section's label in the body (【动态】): a one-line heading that never ends a page; bookmarks jump to it. */
export interface SectionLabelBlock extends FlowParagraph {
  kind: 'section-label';
}

/** Body text: an item's paragraphs (the first with its run-in title), an editor's note, a brief. */
export interface ParagraphBlock extends FlowParagraph {
  kind: 'paragraph';
}

/**
 * An article's title, subtitle or byline: centred lines (balanced when it wraps), each on one grid line; it never
 * ends a page.
 */
export interface TitleBlock extends FlowParagraph {
  kind: 'title';
  /** 'title' in 2号 小标宋; 'subtitle' and 'byline' under it. */
  part: 'title' | 'subtitle' | 'byline';
}

/** Empty grid lines (GB/T 9704's 空一行, 空二行): kept with what follows; at the head of a page they take no room. */
export interface SpaceBlock {
  kind: 'space';
  lines: number;
}

/** 附件说明: "附件：" and the names, each a paragraph hanging after its number ("1."), kept together. */
export interface AttachmentsBlock {
  kind: 'attachments';
  paragraphs: FlowParagraph[];
}

/**
 * 落款 (GB/T 9704 §7.3.5, no seal): the organ `right` pt in from the right edge; on the next line the date, its first
 * character `shift` pt right of the organ's first — or, when that runs past `right`, the date `right` pt in from
 * the edge and the organ moved left to keep the shift.
 */
export interface SignatureBlock {
  kind: 'signature';
  organ: Span;
  date: Span;
  right: number;
  shift: number;
}

/**
 * 报尾: rows at the foot of the last page, its last row on the type area's bottom edge; on a page of its own when
 * the last page of text has no room for it.
 */
export interface FooterBlock {
  kind: 'footer';
  rows: Row[];
}

/* ---------------------------------------------------------------------------------------------------------------- */
/* Rows of the masthead and the footer                                                                               */

export type Row = TextRow | BannerRow | PairRow | RuleRow;

/** A paragraph whose lines take one grid line each. */
export interface TextRow {
  kind: 'text';
  paragraph: Paragraph;
}

/**
 * One line of large text (the bulletin's name), its em box centred across `lines` grid lines and narrowed
 * horizontally when wider than the measure; the ink is centred, not the letter-spacing after the last character.
 */
export interface BannerRow {
  kind: 'banner';
  span: Span;
  lines: number;
}

/**
 * Text on the left and on the right of one line (the offices and the date; the editors and the print count). The
 * right part goes on the left part's last line when `gap` pt or more stays between them — with `single`, only when
 * each is one line — and else on the line below; with no left lines at all it takes a line of its own.
 */
export interface PairRow {
  kind: 'pair';
  left: Paragraph[];
  right: Paragraph;
  gap: number;
  single?: boolean;
}

/** A rule as wide as the type area, `offset` grid lines below the top of the current line; takes `lines` lines. */
export interface RuleRow {
  kind: 'rule';
  /** Stroke width, pt. */
  width: number;
  colour: Colour;
  offset: number;
  lines: number;
}

/* ---------------------------------------------------------------------------------------------------------------- */
/* Pages and navigation                                                                                              */

/**
 * Page numbers (GB/T 9704 §7.5): `prefix` N `suffix` ("— 1 —") in one style; 'outside' puts odd pages on the right
 * and even ones on the left, `inset` pt in from the edge; the ink top of `alignChar` sits `below` pt under the type area.
 */
export interface PageNumberStyle {
  prefix: string;
  suffix: string;
  style: Omit<Span, 'text' | 'source'>;
  placement: 'outside' | 'center';
  inset: number;
  below: number;
  alignChar: string;
}

export interface OutlineEntry {
  title: string;
  target: string;
  children: OutlineEntry[];
}

/** What the document says about itself (PDF Info, .docx core properties); the date is the issue's. */
export interface DocInfoText {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** YYYY-MM-DD */
  date: string;
  lang: string;
}
