/**
 * Findings printed by commands other than `check` (build, build --watch, fonts, new): the same lines as `check`'s
 * stylish format, `file:line:col  error|warning  message  (rule)`, without its summary line (those commands end
 * with their own).
 */
import type { Diagnostic, Lang } from '../diagnostics.js';
import { formatStylish } from '../check/formats/stylish.js';

export function formatFindings(diagnostics: Diagnostic[], lang: Lang): string {
  if (diagnostics.length === 0) return '';
  const text = formatStylish(diagnostics, lang, 1);
  // The summary is the last line; a message that spans lines keeps all of them.
  return text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1);
}
