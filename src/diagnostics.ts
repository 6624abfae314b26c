/**
 * The one Diagnostic type. Every stage (load, validate, model, check, typeset, build) reports problems
 * as Diagnostics; only the CLI formats them. Positions are 1-based, as editors show them.
 */
export type Severity = 'error' | 'warning';

/** A message in both languages; the formatter picks one, so lower layers never need to know the locale. */
export interface Message {
  zh: string;
  en: string;
}

export interface Position {
  line: number;
  column: number;
}

export interface Diagnostic extends Position {
  file: string;
  severity: Severity;
  /** Stable id, e.g. `yaml-syntax`, `schema-required`, `punct-halfwidth`, `font-missing-glyph`. */
  rule: string;
  message: Message;
}

export type Lang = 'zh' | 'en';
