/**
 * The shape of an editorial rule (like an ESLint rule module): an id, a default severity, bilingual messages
 * and a pure `check` over the normalised `Issue`. Rules never see YAML or positions; a finding points at a
 * `Text` (or a field's `SourceRef`) plus a character offset, and the runner resolves that to line:column.
 */
import type { Message, Severity } from '../../diagnostics.js';
import type { FontRole, Issue, SourceRef, Text } from '../../issue/model.js';

export type RuleSeverity = 'off' | Severity;

/** Replace [start, end) of the finding's `Text.text` (a paragraph, title…) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export type MessageData = Record<string, string | number>;

export interface Finding {
  /** Where: the text the offset counts in, or (for fields such as `number` or `date`) just a ref. */
  at: { text?: Text; ref: SourceRef };
  /** Character (UTF-16) offset inside `at.text.text`; 0 for a field. */
  offset: number;
  /** Selects a message variant within the rule (e.g. 'skipped' vs 'repeated'). */
  messageId?: string;
  data: MessageData;
  /** Edits on `at.text.text`; only when the fix is safe. */
  fix?: TextEdit[];
}

/** House-style settings the rules read. Every field has a default (see `defaultSettings`). */
export interface CheckSettings {
  /** Longest item title, in characters (code points). */
  titleMaxLength: number;
  /** Spacing between Han characters and digits: 'none' (12个), 'space' (12 个) or 'any'. */
  numberSpacing: 'none' | 'space' | 'any';
  /** Whether a date later than today is allowed (drafts prepared ahead). */
  allowFutureDate: boolean;
}

export const defaultSettings: CheckSettings = {
  titleMaxLength: 40,
  numberSpacing: 'any',
  allowFutureDate: false,
};

/** Indices (UTF-16 offsets) of the characters in `text` that no configured font of `role` covers. */
export type CoverageFn = (role: FontRole, text: string) => number[];

export interface RuleContext {
  issue: Issue;
  /** The issue before this one in the series, when known (for dates and repeated items). */
  previous?: Issue;
  settings: CheckSettings;
  coverage?: CoverageFn;
  /** Today, injectable for tests. */
  today: Date;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  fixable: boolean;
  description: Message;
  messages: (data: MessageData, messageId?: string) => Message;
  check(ctx: RuleContext): Finding[];
}

/** A rule over a whole run of issues (several files or a folder), sorted by issue number. */
export interface SeriesRule {
  id: string;
  defaultSeverity: Severity;
  fixable: false;
  description: Message;
  messages: (data: MessageData, messageId?: string) => Message;
  checkSeries(issues: Issue[]): Finding[];
}
