/**
 * Findings printed by commands other than `check` (build, build --watch, fonts, new): the same lines as `check`'s
 * stylish format, `file:line:col  error|warning  message  (rule)`, without its summary line (those commands end
 * with their own).
 */
import type { Diagnostic, Lang } from '../../diagnostics.js';
import { formatStylish } from './stylish.js';

export function formatFindings(diagnostics: Diagnostic[], lang: Lang): string {
  if (diagnostics.length === 0) return '';
  const text = formatStylish(diagnostics, lang, 1);
  // The summary is the last line; a message that spans lines keeps all of them.
  return text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1);
}

/** The one line printed for an internal error (a bug, exit 70), asking for a report. */
export function internalErrorLine(err: unknown, lang: Lang): string {
  return `${lang === 'zh' ? 'bulletin：' : 'bulletin: '}${internalErrorText(err)[lang]}\n`;
}

/** "internal error: … — a bug, please report it", for a line of its own or a diagnostic's message. */
export function internalErrorText(err: unknown): { zh: string; en: string } {
  const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  return {
    zh: `内部错误：${detail}。这是 bulletin 的缺陷，请把这一行和所运行的命令报告给维护者`,
    en: `internal error: ${detail}. This is a bug in bulletin; please report this line and the command you ran`,
  };
}
