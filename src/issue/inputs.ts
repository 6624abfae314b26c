/**
 * The files a command works on, from what the user typed (`check` and `build` share it): a file stands for itself
 * (a series file too — each command decides what to do with one); a folder stands for the issue files in it, its
 * *.yaml / *.yml files except series files, in name order.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { describeFsError } from '../io/fs-errors.js';
import { msg } from '../i18n/lang.js';
import { SERIES_FILE_NAME } from './series.js';

/**
 * Whether a file is a series settings file by its name: `bulletin.series.yaml` (found automatically above an
 * issue), or any `*.series.yaml` / `*.series.yml` (named from an issue with `series: ../gusu.series.yaml`).
 */
export function isSeriesFileName(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  return base === SERIES_FILE_NAME || /\.series\.ya?ml$/.test(base);
}

export interface ExpandedInputs {
  /** Absolute paths, each once, in the order given (a folder's files by name). */
  files: string[];
  /** A folder with no issue files in it, or one that cannot be read (rule `io`). */
  diagnostics: Diagnostic[];
}

function ioError(file: string, zh: string, en: string): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', rule: 'io', message: msg(zh, en) };
}

export async function expandInputs(inputs: string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    const abs = path.resolve(input);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      // A missing file is reported by the loader, in the same words as any other problem reading it.
    }
    if (!isDir) {
      files.push(abs);
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(abs);
    } catch (err) {
      const why = describeFsError(err);
      diagnostics.push(ioError(abs, `无法读取这个文件夹：${why.zh}`, `cannot read this folder: ${why.en}`));
      continue;
    }
    const issues = names.filter((n) => /\.ya?ml$/i.test(n) && !isSeriesFileName(n)).sort();
    if (issues.length === 0) {
      diagnostics.push(
        names.some((n) => isSeriesFileName(n))
          ? ioError(abs, '这个文件夹里只有系列设置文件，没有简报文件（.yaml）', 'this folder holds only a series file, no issue files (.yaml)')
          : ioError(abs, '这个文件夹里没有 .yaml 文件', 'this folder contains no .yaml files'),
      );
    }
    files.push(...issues.map((n) => path.join(abs, n)));
  }
  return { files: [...new Set(files)], diagnostics };
}
