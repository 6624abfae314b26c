import { displayPath } from '../../io/display-path.js';
import type { Diagnostic, Lang } from '../../diagnostics.js';

export { displayPath };

/** One line per finding, `file:line:col  error|warning  message  (rule-id)`, then a count. */
export function formatStylish(diagnostics: Diagnostic[], lang: Lang, fileCount: number): string {
  const lines = diagnostics.map(
    (d) => `${displayPath(d.file)}:${d.line}:${d.column}  ${d.severity}  ${d.message[lang]}  (${d.rule})`,
  );
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) {
    lines.push(lang === 'zh' ? `✓ 检查了 ${fileCount} 个文件，没有发现问题` : `✓ ${fileCount} file(s) checked, no problems`);
  } else {
    lines.push(
      lang === 'zh'
        ? `✖ ${errors} 个错误，${warnings} 个警告（共检查 ${fileCount} 个文件）`
        : `✖ ${errors} error(s), ${warnings} warning(s) in ${fileCount} file(s)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
