import type { Diagnostic } from '../../src/diagnostics.js';

/** Rules that mean "a bug of ours" rather than "a problem of the file": the loader's catch-all. */
export const INTERNAL_RULES = new Set(['internal']);

/**
 * A diagnostic the editor can act on: a file, a 1-based integer line and column, a severity, a rule, a message
 * in both languages, and not an internal error dressed as one (the loader's catch-all, or a check rule that threw).
 */
export function wellFormed(d: Diagnostic): boolean {
  return (
    typeof d.file === 'string' &&
    d.file.length > 0 &&
    Number.isInteger(d.line) &&
    d.line >= 1 &&
    Number.isInteger(d.column) &&
    d.column >= 1 &&
    (d.severity === 'error' || d.severity === 'warning') &&
    typeof d.rule === 'string' &&
    !!d.message?.zh &&
    !!d.message?.en &&
    !INTERNAL_RULES.has(d.rule) &&
    !/^rule \S+ failed: /.test(d.message.en)
  );
}
