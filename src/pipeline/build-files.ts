/**
 * `bulletin build` without the command line: which of the given files are issues, the checks on the options that
 * depend on them (-o and --watch take one file), the batch, and what the run as a whole came to. The CLI
 * (src/cli/build.ts) prints the events and turns the outcome into an exit code.
 */
import type { Diagnostic, Message } from '../diagnostics.js';
import { internalErrorText } from '../check/formats/findings.js';
import { msg } from '../i18n/lang.js';
import { expandInputs, isSeriesFileName } from '../issue/inputs.js';
import { today } from '../issue/today.js';
import type { BatchItem } from './batch.js';
import type { BuildOptions, BuildResult } from './build-issue.js';

export interface BuildFilesOptions {
  output?: string;
  allowMissingGlyphs?: boolean;
  watch?: boolean;
  jobs?: number;
  strict?: boolean;
  /** Also write a .docx beside each PDF. */
  docx?: boolean;
}

export interface BuildFilesEvents {
  /** Findings that belong to no one build (a folder without issues, a series file given by name). */
  findings(diagnostics: Diagnostic[]): void;
  /** A remark on the options that does not stop the build. */
  note(message: Message): void;
  /** A file that is not built at all (a series file). */
  refused(file: string): void;
  /** One file's build has ended (built or not). */
  built(item: BatchItem & { result: BuildResult }): void;
  /** `--watch`: hand the one issue over to the watcher, which runs until interrupted. */
  watch(file: string, options: BuildOptions): Promise<number>;
}

export type BuildFilesOutcome =
  | { kind: 'usage'; message: Message }
  | { kind: 'watched'; exitCode: number }
  | { kind: 'ok' | 'failed' | 'io' | 'crashed'; total: number; failed: number };

export async function buildFiles(inputs: string[], options: BuildFilesOptions, events: BuildFilesEvents): Promise<BuildFilesOutcome> {
  const expanded = await expandInputs(inputs);
  const files = expanded.files;
  if (options.output && files.length !== 1) return { kind: 'usage', message: msg('-o 只能用于单个输入文件', '-o takes a single input file') };
  if (expanded.diagnostics.length) events.findings(expanded.diagnostics);
  if (files.length === 0) {
    if (expanded.diagnostics.length) return { kind: 'io', total: 0, failed: 0 };
    return { kind: 'usage', message: msg('没有找到 .yaml 文件', 'no .yaml files found') };
  }
  // A series file given by name: say what it is, rather than list the issue fields it lacks.
  const series = files.filter((f) => isSeriesFileName(f));
  for (const f of series) {
    events.findings([notAnIssue(f)]);
    events.refused(f);
  }
  const issues = files.filter((f) => !isSeriesFileName(f));
  if (issues.length === 0) return { kind: 'failed', total: files.length, failed: files.length };
  if (options.strict) {
    const day = today();
    if ('error' in day) return { kind: 'usage', message: day.message };
  }
  if (options.output && /\.docx$/i.test(options.output)) {
    return { kind: 'usage', message: msg(`-o 给出的是 PDF 的路径，.docx 写在它旁边（同名）：请写 ${options.output.replace(/\.docx$/i, '.pdf')}`, `-o names the PDF; the .docx goes beside it, with the same name: give ${options.output.replace(/\.docx$/i, '.pdf')}`) };
  }
  if (options.output && !/\.pdf$/i.test(options.output)) {
    events.note(msg(`注意：输出文件 ${options.output} 不以 .pdf 结尾，写入的仍是 PDF`, `note: the output ${options.output} does not end in .pdf; a PDF is written all the same`));
  }
  const buildOptions: BuildOptions = { ...(options.output ? { output: options.output } : {}), allowMissingGlyphs: !!options.allowMissingGlyphs, strict: !!options.strict, docx: !!options.docx };
  if (options.watch) {
    if (files.length !== 1) return { kind: 'usage', message: msg('--watch 只能用于单个输入文件', '--watch takes a single input file') };
    return { kind: 'watched', exitCode: await events.watch(issues[0]!, buildOptions) };
  }
  const { buildBatch, defaultJobs } = await import('./batch.js');
  let failed = series.length;
  let ioFailed = false;
  let crashed = false;
  await buildBatch(issues, buildOptions, options.jobs ?? defaultJobs(), (item) => {
    if (!item.result || item.result.diagnostics.some((d) => d.rule === 'internal')) crashed = true;
    const result = item.result ?? { ok: false, file: item.file, diagnostics: [internal(item.file, item.crash ?? '')] };
    if (!result.ok) {
      failed++;
      // Refusing the output (-o onto an input, or over a file that is not a PDF) is an I/O matter too: exit 2.
      if (result.diagnostics.some((d) => d.rule === 'io' || d.rule === 'build-output')) ioFailed = true;
    }
    events.built({ ...item, result });
  });
  const total = files.length;
  // A build that crashed is a bug, whatever else happened.
  if (crashed) return { kind: 'crashed', total, failed };
  if (failed === 0 && expanded.diagnostics.length === 0) return { kind: 'ok', total, failed };
  // One file that could not be read or written is an I/O failure; otherwise some file was not built.
  return { kind: ioFailed && total === 1 ? 'io' : 'failed', total, failed };
}

/** `bulletin build bulletin.series.yaml`: the series file holds settings only; there is nothing to lay out. */
function notAnIssue(file: string): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    severity: 'error',
    rule: 'not-an-issue',
    message: msg(
      '这是系列设置文件，不是一期简报；请排版简报文件（如同一文件夹中的 xxx-001.yaml，或整个文件夹）',
      'this is a series settings file, not an issue; build an issue file (e.g. xxx-001.yaml beside it, or the whole folder)',
    ),
  };
}

/** A build that threw (a bug): reported as that file's failure, so the other files still get built. */
function internal(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', rule: 'internal', message: internalErrorText(message) };
}
