/**
 * The .docx plan as data: paragraphs with their named styles and looks, the photos and tables among them, the
 * footer table. plan.ts makes it from a BulletinDoc; the writer reads it.
 */
import type { FontRole } from '../compose/doc.js';
import type { CharStyleKind, ParaStyleKind } from './style-names.js';

export interface RunLook {
  role: FontRole;
  /** Half-points. */
  size: number;
  /** Hex RGB; absent: automatic (black). */
  colour?: string;
  /** Character spacing, twips. */
  spacing: number;
  bold: boolean;
  /** Horizontal scale, per cent (a masthead name narrowed to the measure). */
  scale: number;
}

export interface ParaLook {
  align: 'left' | 'center' | 'right' | 'both';
  /** Twips. */
  left: number;
  right: number;
  /** First line: positive indents, negative hangs. */
  first: number;
  /** Exact line height, twips. */
  line: number;
}

export interface PlanRun {
  /** Text, or a tab (to a hanging indent or a right tab stop). */
  text: string | { tab: true };
  charStyle?: CharStyleKind;
  look: RunLook;
}

export interface Border {
  /** Eighths of a point. */
  size: number;
  colour: string;
}

export interface PlanParagraph {
  style: ParaStyleKind;
  look: ParaLook;
  /** The run that shows what the paragraph is made of (its style's font and size). */
  main: RunLook;
  runs: PlanRun[];
  keepNext?: boolean;
  /** Twips above the paragraph (a rule's place down its grid line). */
  before?: number;
  top?: Border;
  bottom?: Border;
  /** Right-aligned tab stops, twips from the left margin. */
  rightTabs?: number[];
  /** Bookmark name at the paragraph's start. */
  bookmark?: string;
  /** Bookmark name the whole paragraph links to. */
  link?: string;
}

/** 报尾: groups of lines between rules, each group a row of a one-column table whose cell borders are the rules. */
export interface PlanFooter {
  rows: { top?: Border; bottom?: Border; paragraphs: PlanParagraph[] }[];
}

/** A photo row or a table, set after the first `after` paragraphs of the flow. */
export type PlanMedia =
  | { kind: 'figure'; photos: { file: string; width: number; height: number; caption?: PlanParagraph }[] }
  | { kind: 'table'; columns: number[]; title?: PlanParagraph; header?: PlanParagraph[]; rows: PlanParagraph[][]; rule: Border; padding: number };

export interface DocxPlan {
  paragraphs: PlanParagraph[];
  /** Photos (sizes in pt) and tables (column widths and padding in twips), in flow order. */
  media?: { after: number; media: PlanMedia }[];
  footer?: PlanFooter;
  gridLine: number;
}
