import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Lang } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { isSeriesFile, loadIssue, loadSeries } from '../issue/load.js';
import type { Issue, SourceMap } from '../issue/model.js';
import { formatStylish } from '../check/formats/stylish.js';
import { today } from '../workflow/today.js';

export interface CheckCommandOptions {
  lang: Lang;
  format?: string;
  fix?: boolean;
  /** How many --fix passes ran before this one (a fix can uncover another). */
  fixPass?: number;
}

const FORMATS = ['stylish', 'json', 'github'];

/** Rules whose diagnostics mean "could not read", which exit with 2 rather than 1. */
const IO_RULES = new Set(['io']);

/** Files named on the command line; a folder stands for its *.yaml issue files (not the series file). */
async function expand(inputs: string[]): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    const abs = path.resolve(input);
    let isDir = false;
    try {
      isDir = (await stat(abs)).isDirectory();
    } catch {
      // Missing files are reported by the loader, with the same wording as any other I/O problem.
    }
    if (!isDir) {
      files.push(abs);
      continue;
    }
    const names = (await readdir(abs)).filter((n) => /\.ya?ml$/i.test(n) && !isSeriesFile(n)).sort();
    if (names.length === 0) {
      diagnostics.push({
        file: abs,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'io',
        message: msg('这个文件夹里没有 .yaml 文件', 'this folder contains no .yaml files'),
      });
    }
    files.push(...names.map((n) => path.join(abs, n)));
  }
  return { files: [...new Set(files)], diagnostics };
}

/** `bulletin check FILE...`: load, validate and model each file, then run the editorial rules. */
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
  const { files, diagnostics } = await expand(inputs);
  const entries: { issue: Issue; sources: SourceMap }[] = [];
  for (const file of files) {
    if (isSeriesFile(file)) {
      diagnostics.push(...(await loadSeries(file)).diagnostics);
      continue;
    }
    const loaded = await loadIssue(file);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.issue) entries.push({ issue: loaded.issue, sources: loaded.sources });
  }

  // Editorial rules (src/check/run.ts): each issue is checked with the one before it, so a folder of a
  // series also gets the numbering and date-order checks.
  if (entries.length > 0) {
    const { checkIssues, fontCoverageFor } = await import('../check/run.js');
    // Only issues of one series are compared with each other (files of several series may be checked together).
    const bySeries = new Map<string, typeof entries>();
    for (const e of entries) {
      const key = e.issue.series.seriesFile ?? `name:${e.issue.series.name}`;
      bySeries.set(key, [...(bySeries.get(key) ?? []), e]);
    }
    const result = { diagnostics: [] as Diagnostic[], fixes: [] as ReturnType<typeof checkIssues>['fixes'] };
    for (const group of bySeries.values()) {
      const r = checkIssues(group, { coverage: await fontCoverageFor(group[0]!.issue), ...pinnedToday() });
      result.diagnostics.push(...r.diagnostics);
      result.fixes.push(...r.fixes);
    }
    if (options.fix && result.fixes.length > 0) {
      const { applyFixes } = await import('../check/fix.js');
      const outcomes = await applyFixes(result.fixes);
      const failed = outcomes.filter((o) => o.error);
      if (failed.length > 0) {
        const io = failed.map((o): Diagnostic => ({ file: o.file, line: 1, column: 1, severity: 'error', rule: 'io', message: o.error! }));
        process.stdout.write(await render(format, io, options.lang, files.length));
        return 2;
      }
      // Report what is left after fixing, exactly as a fresh run would; a fix can uncover another
      // ("企业 , ，推动" → "企业，，推动" → "企业，推动"), so passes repeat while files change (at most 10).
      const pass = (options.fixPass ?? 0) + 1;
      return runCheck(inputs, { ...options, fix: pass < 10 && outcomes.some((o) => o.changed), fixPass: pass });
    }
    diagnostics.push(...result.diagnostics);
  }

  diagnostics.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || a.column - b.column);
  process.stdout.write(await render(format, diagnostics, options.lang, files.length));
  if (diagnostics.some((d) => IO_RULES.has(d.rule))) return 2;
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** BULLETIN_TODAY pins "today" for `new` and `init`; `check` judges "in the future" by the same day. */
function pinnedToday(): { today?: Date } {
  if (!process.env.BULLETIN_TODAY) return {};
  const d = today();
  return 'error' in d ? {} : { today: new Date(d.year, d.month - 1, d.day, 12) };
}

async function render(format: string, diagnostics: Diagnostic[], lang: Lang, fileCount: number): Promise<string> {
  if (format === 'json') return (await import('../check/formats/json.js')).formatJson(diagnostics, lang);
  if (format === 'github') return (await import('../check/formats/github.js')).formatGithub(diagnostics, lang);
  return formatStylish(diagnostics, lang, fileCount);
}
