/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, one per finding, so
 * findings show up as annotations on the pull request's diff.
 */
import { relative } from 'node:path';
import type { Diagnostic, Lang } from '../../diagnostics.js';

/** Data escaping (message): %, CR and LF (per the Actions toolkit). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property escaping additionally covers the separators : and , */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(diagnostics: Diagnostic[], lang: Lang = 'zh', cwd: string = process.cwd()): string {
  return diagnostics
    .map((d) => {
      // Annotations attach to files by repository-relative path.
      const file = relative(cwd, d.file) || d.file;
      const props = `file=${escapeProperty(file)},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}`;
      return `::${d.severity} ${props}::${escapeData(`${d.message[lang]} (${d.rule})`)}`;
    })
    .map((l) => `${l}\n`)
    .join('');
}
