/**
 * `bulletin check` without the command line: load and validate each file, check the issues of each series together
 * (numbering, date order, items carried over), check a series file given on its own by the rules that apply to its
 * settings, apply `--fix` until nothing more changes, and hand back every finding once, in order. The CLI
 * (src/cli/check.ts) only parses arguments, prints and chooses the exit code.
 */
import { dirname } from 'node:path';
import type { Diagnostic, Message } from '../diagnostics.js';
import { isSeriesFile, loadIssue, loadSeries } from '../issue/load.js';
import type { Issue } from '../issue/model.js';
import { normalizeSeries } from '../issue/normalize.js';
import { pinnedToday } from '../issue/today.js';
import type { FixOutcome } from './fix.js';
import { rules as allRules } from './rules/index.js';
import type { CoverageFn } from './rules/types.js';
import { checkIssue, checkIssues, fontCoverageFor, type CheckEntry, type CheckResult } from './run.js';

export interface CheckFilesOptions {
  /** Apply the safe fixes, repeating while files change (a fix can uncover another), then report what is left. */
  fix?: boolean;
  /** Where BULLETIN_TODAY is read from (default process.env): "in the future" is judged by that day. */
  env?: NodeJS.ProcessEnv;
  /** Today, overriding BULLETIN_TODAY (tests). */
  today?: Date;
  /** Font coverage for an issue (default: the fonts its settings resolve to; tests pass a stand-in). */
  coverage?: (issue: Issue) => Promise<CoverageFn | undefined>;
}

export interface CheckFilesResult {
  /** Every finding once (the same one from a shared series file is not repeated per issue), by file, line, column. */
  diagnostics: Diagnostic[];
  /** What each --fix pass wrote, in order. */
  fixed: FixOutcome[];
  /** BULLETIN_TODAY is set but is not a real day: nothing was checked (a usage error). */
  todayError?: Message;
}

/** At most this many --fix passes (each pass fixes what the one before uncovered). */
const MAX_FIX_PASSES = 10;

/** Rules about the issue's own fields (its date), which a series file on its own does not have. */
const ISSUE_ONLY = new Set(['date-future', 'date-order']);

/** Checks `files` (absolute paths of issue and series files, as `expandInputs` gives them). */
export async function checkFiles(files: string[], options: CheckFilesOptions = {}): Promise<CheckFilesResult> {
  let today = options.today;
  if (!today) {
    const pinned = pinnedToday(options.env ?? process.env);
    if ('error' in pinned) return { diagnostics: [], fixed: [], todayError: pinned.message };
    today = pinned.today;
  }
  const fixed: FixOutcome[] = [];
  for (let pass = 0; ; pass++) {
    const r = await checkOnce(files, today, options);
    if (!options.fix || r.fixes.length === 0 || pass >= MAX_FIX_PASSES) return { diagnostics: r.diagnostics, fixed };
    const { applyFixes } = await import('./fix.js');
    const outcomes = await applyFixes(r.fixes);
    fixed.push(...outcomes);
    const failed = outcomes.filter((o) => o.error);
    if (failed.length > 0) {
      const io = failed.map((o): Diagnostic => ({ file: o.file, line: 1, column: 1, severity: 'error', rule: 'io', message: o.error! }));
      return { diagnostics: io, fixed };
    }
    // Nothing changed (every fix was stale or overlapped): what was found is what is left.
    if (!outcomes.some((o) => o.changed)) return { diagnostics: r.diagnostics, fixed };
  }
}

async function checkOnce(files: string[], today: Date | undefined, options: CheckFilesOptions): Promise<CheckResult> {
  const out: CheckResult = { diagnostics: [], fixes: [] };
  const coverageFor = cachedCoverage(options.coverage);
  const entries: CheckEntry[] = [];
  for (const file of files) {
    if (isSeriesFile(file)) {
      const r = await checkSeriesFile(file, today, coverageFor);
      out.diagnostics.push(...r.diagnostics);
      out.fixes.push(...r.fixes);
      continue;
    }
    const loaded = await loadIssue(file);
    out.diagnostics.push(...loaded.diagnostics);
    if (loaded.issue) entries.push({ issue: loaded.issue, sources: loaded.sources, coverage: await coverageFor(loaded.issue) });
  }
  // Only issues of one series are compared with each other (files of several series may be checked together).
  const bySeries = new Map<string, CheckEntry[]>();
  for (const e of entries) {
    const key = e.issue.series.seriesFile ?? `name:${e.issue.series.name}`;
    bySeries.set(key, [...(bySeries.get(key) ?? []), e]);
  }
  for (const group of bySeries.values()) {
    const r = checkIssues(group, today ? { today } : {});
    out.diagnostics.push(...r.diagnostics);
    out.fixes.push(...r.fixes);
  }
  return { diagnostics: ordered(unique(out.diagnostics), files), fixes: out.fixes };
}

/**
 * A series file given on its own: validated, then — when valid — its settings checked by the rules that apply to
 * them (punctuation and placeholders in the distribution and other settings, font coverage of the name, offices,
 * editors …), as they would be for an issue that uses it.
 */
async function checkSeriesFile(file: string, today: Date | undefined, coverageFor: (issue: Issue) => Promise<CoverageFn | undefined>): Promise<CheckResult> {
  const loaded = await loadSeries(file);
  const errors = loaded.diagnostics.some((d) => d.severity === 'error');
  const doc = loaded.documents.get(file);
  if (errors || !doc) return { diagnostics: loaded.diagnostics, fixes: [] };
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const series = normalizeSeries(file, data, loaded.sources);
  const issue: Issue = {
    file,
    series,
    number: 0,
    date: { year: 0, month: 0, day: 0, iso: '' },
    sections: [],
  };
  const r = checkIssue(issue, loaded.sources, {
    rules: allRules.filter((rule) => !ISSUE_ONLY.has(rule.id)),
    coverage: await coverageFor(issue),
    ...(today ? { today } : {}),
  });
  return { diagnostics: [...loaded.diagnostics, ...r.diagnostics], fixes: r.fixes };
}

/** Coverage per distinct font setup (an issue may set its own fonts); resolved once per run. */
function cachedCoverage(custom?: (issue: Issue) => Promise<CoverageFn | undefined>): (issue: Issue) => Promise<CoverageFn | undefined> {
  const cache = new Map<string, Promise<CoverageFn | undefined>>();
  return (issue) => {
    const key = JSON.stringify([issue.series.fonts, issue.series.fontPaths, dirname(issue.file)]);
    let c = cache.get(key);
    if (!c) cache.set(key, (c = (custom ?? fontCoverageFor)(issue)));
    return c;
  };
}

/** Each finding once: a shared series file's problems come back with every issue that uses it. */
export function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.file, d.line, d.column, d.rule, d.message.zh, d.message.en]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** In the order the files were given (files they refer to, such as a series file, first), then by position. */
function ordered(diagnostics: Diagnostic[], files: string[]): Diagnostic[] {
  const rank = (f: string) => files.indexOf(f);
  return [...diagnostics].sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line || a.column - b.column);
}
