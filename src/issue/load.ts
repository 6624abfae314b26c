import { statSync } from 'node:fs';
import path from 'node:path';
import type { Document } from 'yaml';
import type { Diagnostic, Message } from '../diagnostics.js';
import { isSeriesFileName } from './inputs.js';
import { msg } from '../i18n/lang.js';
import type { Issue, SourceMap } from './model.js';
import { normalize } from './normalize.js';
import { parseYaml } from './parse.js';
import { readText } from './read.js';
import { findSeriesFile, mergeSettings } from './series.js';
import { YamlSourceMap } from './source-map.js';
import { validateFile } from './validate.js';

export interface LoadResult {
  /** Present when the file (and its series file) had no errors. */
  issue?: Issue;
  sources: SourceMap & YamlSourceMap;
  diagnostics: Diagnostic[];
  /** Parsed documents by absolute path (issue file and series file). */
  documents: Map<string, Document>;
  /**
   * Every file the load read or tried to read (the issue, the series file it found or names, the photos and CSV
   * files its items name), also when one of them is broken: what `build --watch` must keep watching to see it
   * mended.
   */
  files: string[];
}

export interface LoadOptions {
  /** Skip looking for bulletin.series.yaml (tests, or an issue file that carries every setting). */
  noSeries?: boolean;
}

type Raw = Record<string, unknown>;

interface FileStage {
  data?: Raw;
  diagnostics: Diagnostic[];
}

async function readAndValidate(file: string, kind: 'issue' | 'series', sources: YamlSourceMap, documents: Map<string, Document>): Promise<FileStage> {
  const read = await readText(file);
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  const parsed = parseYaml(file, read.text, sources);
  if (parsed.doc) documents.set(file, parsed.doc);
  if (parsed.data === undefined) return { diagnostics: parsed.diagnostics };
  const diagnostics = [...parsed.diagnostics, ...validateFile(kind, file, parsed.data, sources)];
  return { data: parsed.data as Raw, diagnostics };
}

/**
 * Reads an issue file, its series file, validates both and builds the Issue. Never throws: every problem,
 * I/O included, comes back as a Diagnostic.
 */
export async function loadIssue(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const sources = new YamlSourceMap();
  const documents = new Map<string, Document>();
  const abs = path.resolve(file);
  const files = [abs];
  try {
    return await load(abs, options, sources, documents, files);
  } catch (err) {
    // A bug of ours, not a problem of the file; still a diagnostic rather than a stack trace.
    const detail = err instanceof Error ? err.message : String(err);
    return {
      sources,
      documents,
      files,
      diagnostics: [
        { file: abs, line: 1, column: 1, severity: 'error', rule: 'internal', message: msg(`内部错误：${detail}`, `internal error: ${detail}`) },
      ],
    };
  }
}

async function load(file: string, options: LoadOptions, sources: YamlSourceMap, documents: Map<string, Document>, files: string[]): Promise<LoadResult> {
  const own = await readAndValidate(file, 'issue', sources, documents);
  const diagnostics = [...own.diagnostics];
  if (!own.data) return { sources, documents, files, diagnostics };

  let seriesFile: string | undefined;
  let seriesData: Raw | undefined;
  const named = own.data.series;
  // A `series:` the schema refused (true, "", a number) has been reported; no series file is looked for then.
  const usable = named === undefined || named === false || (typeof named === 'string' && named.trim() !== '');
  if (typeof named === 'string' && usable) {
    seriesFile = path.resolve(path.dirname(file), named);
    const wrong = namedSeriesProblem(file, seriesFile, named);
    if (wrong) {
      diagnostics.push({ file, ...sources.nodePosition(file, ['series']), severity: 'error', rule: 'series-not-found', message: wrong });
      seriesFile = undefined;
    }
  } else if (!options.noSeries && usable) {
    // `series: false`: the file carries every setting, and a bulletin.series.yaml above it must not creep in.
    seriesFile = named === false ? undefined : await findSeriesFile(file);
  }
  if (seriesFile) {
    files.push(seriesFile);
    const series = await readAndValidate(seriesFile, 'series', sources, documents);
    if (typeof named === 'string' && series.diagnostics.some((d) => d.rule === 'io')) {
      // Point at the `series:` line in the issue, which is what the editor has to fix.
      diagnostics.push({
        file,
        ...sources.nodePosition(file, ['series']),
        severity: 'error',
        rule: 'series-not-found',
        message: msg(`找不到系列文件 ${named}（${seriesFile}）`, `series file ${named} not found (${seriesFile})`),
      });
    } else {
      diagnostics.push(...series.diagnostics);
    }
    seriesData = series.data;
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { sources, documents, files, diagnostics };

  const { series: _omit, ...issueSettings } = own.data;
  void _omit;
  const merged = mergeSettings(seriesData ?? {}, issueSettings);
  const result = normalize({ file, issueData: own.data, merged, seriesFile, seriesData, read: files }, sources);
  diagnostics.push(...result.diagnostics);
  return { issue: result.issue, sources, documents, files, diagnostics };
}

/** Why `series: <named>` cannot be the issue's series file (the issue itself, a folder), or undefined. */
function namedSeriesProblem(file: string, seriesFile: string, named: string): Message | undefined {
  if (seriesFile === file) {
    return msg(
      `「series」指向本文件自己（${named}）：应为系列文件的路径（如 ../bulletin.series.yaml），或写 false 表示本文件自成一体`,
      `"series" names this very file (${named}): give the path of a series file (e.g. ../bulletin.series.yaml), or false if this file carries every setting`,
    );
  }
  let isDir = false;
  try {
    isDir = statSync(seriesFile).isDirectory();
  } catch {
    return undefined; // missing: reported when it is read
  }
  if (!isDir) return undefined;
  return msg(
    `「series」指向的是文件夹 ${named}（${seriesFile}），应为系列文件的路径，如 ${path.join(named, 'bulletin.series.yaml')}`,
    `"series" names a folder, ${named} (${seriesFile}); give the path of the series file, e.g. ${path.join(named, 'bulletin.series.yaml')}`,
  );
}

/** Validates a series file on its own (for `bulletin check bulletin.series.yaml`). */
export async function loadSeries(file: string): Promise<Omit<LoadResult, 'issue'>> {
  const sources = new YamlSourceMap();
  const documents = new Map<string, Document>();
  const abs = path.resolve(file);
  try {
    const stage = await readAndValidate(abs, 'series', sources, documents);
    return { sources, documents, files: [abs], diagnostics: stage.diagnostics };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { sources, documents, files: [abs], diagnostics: [{ file: abs, line: 1, column: 1, severity: 'error', rule: 'internal', message: msg(`内部错误：${detail}`, `internal error: ${detail}`) }] };
  }
}

/** By name: bulletin.series.yaml or *.series.yaml / *.series.yml (src/issue/inputs.ts). */
export function isSeriesFile(file: string): boolean {
  return isSeriesFileName(file);
}
