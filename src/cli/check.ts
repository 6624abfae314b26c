/**
 * `bulletin check FILE|DIR…`: the command line around src/check/check-files.ts — which files (expandInputs), one
 * call, the findings printed in the chosen format, and the exit code.
 */
import type { Diagnostic, Lang } from '../diagnostics.js';
import { checkFiles } from '../check/check-files.js';
import { formatStylish } from '../check/formats/stylish.js';
import { expandInputs } from '../issue/inputs.js';

export interface CheckCommandOptions {
  lang: Lang;
  format?: string;
  fix?: boolean;
}

const FORMATS = ['stylish', 'json', 'github'];

/** Rules whose diagnostics mean "could not read", which exit with 2 rather than 1. */
const IO_RULES = new Set(['io']);

/** Exit code: 0 no errors (warnings allowed), 1 errors found, 2 usage error or a file that cannot be read or written. */
export async function runCheck(inputs: string[], options: CheckCommandOptions): Promise<number> {
  const format = options.format ?? 'stylish';
  if (!FORMATS.includes(format)) {
    process.stderr.write(
      options.lang === 'zh'
        ? `bulletin check：不认识的输出格式 ${format}，可用：${FORMATS.join('、')}\n`
        : `bulletin check: unknown format ${format}; use one of ${FORMATS.join(', ')}\n`,
    );
    return 2;
  }
  const { files, diagnostics: unreadable } = await expandInputs(inputs);
  const result = await checkFiles(files, { fix: !!options.fix });
  if (result.todayError) {
    process.stderr.write(`${options.lang === 'zh' ? 'bulletin check：' : 'bulletin check: '}${result.todayError[options.lang]}\n`);
    return 2;
  }
  const diagnostics = [...unreadable, ...result.diagnostics];
  process.stdout.write(await render(format, diagnostics, options.lang, files.length));
  if (diagnostics.some((d) => IO_RULES.has(d.rule))) return 2;
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

async function render(format: string, diagnostics: Diagnostic[], lang: Lang, fileCount: number): Promise<string> {
  if (format === 'json') return (await import('../check/formats/json.js')).formatJson(diagnostics, lang);
  if (format === 'github') return (await import('../check/formats/github.js')).formatGithub(diagnostics, lang);
  return formatStylish(diagnostics, lang, fileCount);
}
