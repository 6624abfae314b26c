import type { Diagnostic, Lang } from '../../diagnostics.js';
import { displayPath } from '../../io/display-path.js';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
}

/** Findings as a JSON array, for editors and CI. */
export function formatJson(diagnostics: Diagnostic[], lang: Lang): string {
  const findings: JsonFinding[] = diagnostics.map((d) => ({
    file: displayPath(d.file),
    line: d.line,
    column: d.column,
    severity: d.severity,
    rule: d.rule,
    message: d.message[lang],
  }));
  return `${JSON.stringify(findings, null, 2)}\n`;
}
