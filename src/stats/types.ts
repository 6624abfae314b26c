/** What `bulletin stats` works out, before any format prints it (src/stats/formats). */
import type { Message } from '../diagnostics.js';
import type { Issue, Item, Section } from '../issue/model.js';
import type { Period } from './period.js';

export type StatsBy = 'source' | 'section' | 'month';
export type MultiSource = 'each' | 'split';

/** One unit's share of one item: an item with two source units gives two credits. */
export interface Credit {
  issue: Issue;
  section: Section;
  item: Item;
  /** The item's title, or the first sentence of its text (briefs have no title). */
  title: string;
  /** The unit credited; '' when the item names no source. */
  unit: string;
  /** The unit is in the series' `sources` (by name or alias); undefined when the series has no list. */
  known?: boolean;
  /** The source as written in the item. */
  written: string;
  /** What the item is worth: its section's points, its marks', its extra points. */
  itemPoints: number;
  /** This unit's part of them (all of them, or an equal share with `multiSource: split`). */
  points: number;
  /** How the item's points were shared among its units. */
  multiSource: MultiSource;
  /** The item's marks (批示 …), as written. */
  marks: string[];
}

/** One row of the table by source: a unit, its items per section and per month, its points. */
export interface UnitRow {
  /** '' for the items that name no source. */
  unit: string;
  known?: boolean;
  /** Competition ranking by points (1, 2, 2, 4 …); the no-source row has none. */
  rank?: number;
  items: number;
  points: number;
  /** Items by section label. */
  sections: Record<string, number>;
  /** Items by month, YYYY-MM. */
  months: Record<string, number>;
}

export interface SectionRow {
  section: string;
  items: number;
  /** Units credited with at least one item of the section. */
  units: number;
  points: number;
}

export interface StatsReport {
  period: Period;
  /** Issues counted (in the period, loaded, not a duplicate). */
  issues: number;
  /** Items counted, each once (a joint item is one item and several credits). */
  items: number;
  /** Section labels in the order they first appear (by date). */
  sections: string[];
  /** The columns of a table by month (YYYY-MM). */
  months: string[];
  /** By points, then items, then the order of the series' `sources` lists and of first appearance; the no-source row last. */
  units: UnitRow[];
  sectionRows: SectionRow[];
  /** Sums of the unit rows (with `each`, a joint item counts once per unit, as the rows do). */
  totals: { items: number; points: number };
  /** Every credit, by date, issue, place in the issue, unit. */
  credits: Credit[];
  /** How joint items were scored: one policy, or 'mixed' when the series counted differ. */
  multiSource: MultiSource | 'mixed';
  /** Items with more than one unit. */
  jointItems: number;
}

/** A file that was not counted, and why (its findings are among the diagnostics). */
export interface SkippedFile {
  file: string;
  reason: Message;
  /** It could not be read at all (exit code 2 rather than 1). */
  io: boolean;
}
