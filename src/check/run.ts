/**
 * Runs the editorial rules over normalised issues and turns findings into Diagnostics (file, line, column
 * through the loader's SourceMap) plus fix targets for `--fix`. Rules stay pure; positions are resolved here.
 */
import { dirname } from 'node:path';
import { uniqueDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Issue, SourceMap, SourceRef } from '../issue/model.js';
import type { FontFileProblem, RoleReport } from '../fonts/roles.js';
import { rules as allRules, seriesRules as allSeriesRules } from './rules/index.js';
import { sortIssues } from './rules/issue-sequence.js';
import {
  defaultSettings,
  type CheckSettings,
  type CoverageFn,
  type Finding,
  type Rule,
  type RuleSeverity,
  type SeriesRule,
  type TextEdit,
} from './rules/types.js';

export interface RunOptions {
  /** Overrides on top of each rule's default and the series file's `rules` (e.g. from the command line). */
  severities?: Record<string, RuleSeverity>;
  /** The issue before this one, for date order and repeated items. */
  previous?: Issue;
  /** Font coverage: indices of the characters of `text` no font of `role` has. */
  coverage?: CoverageFn;
  settings?: Partial<CheckSettings>;
  /** Today (tests pin it). */
  today?: Date;
  /** Replace the rule set (tests). */
  rules?: Rule[];
  seriesRules?: SeriesRule[];
}

/** Edits for one YAML scalar, in the coordinates of one Text cut from it (see fix.ts for the mapping). */
export interface FixTarget {
  file: string;
  path: (string | number)[];
  /** Where the Text starts in the scalar's value, and the Text itself (to align and to verify before editing). */
  textOffset: number;
  text: string;
  edits: TextEdit[];
  rule: string;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  fixes: FixTarget[];
}

/** Series settings may carry `check: { titleMaxLength, numberSpacing, allowFutureDate }` (optional). */
function settingsFor(issue: Issue, options: RunOptions): CheckSettings {
  const fromSeries = (issue.series as { check?: Partial<CheckSettings> }).check ?? {};
  return { ...defaultSettings, ...fromSeries, ...options.settings };
}

function severityOf(rule: { id: string; defaultSeverity: 'error' | 'warning' }, issue: Issue, options: RunOptions): RuleSeverity {
  return options.severities?.[rule.id] ?? issue.series.rules?.[rule.id] ?? rule.defaultSeverity;
}

function toResult(rule: Rule | SeriesRule, severity: 'error' | 'warning', findings: Finding[], sources: SourceMap, out: CheckResult): void {
  for (const f of findings) {
    const ref: SourceRef = f.at.text?.ref ?? f.at.ref;
    const { line, column } = sources.position(ref, f.offset);
    out.diagnostics.push({ file: ref.file, line, column, severity, rule: rule.id, message: rule.messages(f.data, f.messageId) });
    if (f.fix?.length && f.at.text && !ref.at) {
      out.fixes.push({ file: ref.file, path: ref.path, textOffset: ref.offset ?? 0, text: f.at.text.text, edits: f.fix, rule: rule.id });
    }
  }
}

/** A rule that throws must not take `check` down with a stack trace; it becomes one diagnostic. */
function safely(rule: { id: string }, file: string, run: () => Finding[], out: CheckResult): Finding[] {
  try {
    return run();
  } catch (e) {
    out.diagnostics.push({
      file, line: 1, column: 1, severity: 'error', rule: rule.id,
      message: { zh: `检查规则 ${rule.id} 内部出错：${String(e)}`, en: `rule ${rule.id} failed: ${String(e)}` },
    });
    return [];
  }
}

export function checkIssue(issue: Issue, sources: SourceMap, options: RunOptions = {}): CheckResult {
  const out: CheckResult = { diagnostics: [], fixes: [] };
  const ctx = { issue, previous: options.previous, settings: settingsFor(issue, options), coverage: options.coverage, today: options.today ?? new Date() };
  for (const rule of options.rules ?? allRules) {
    const severity = severityOf(rule, issue, options);
    if (severity === 'off') continue;
    toResult(rule, severity, safely(rule, issue.file, () => rule.check(ctx), out), sources, out);
  }
  return finish(out);
}

/** One issue to check, with its positions and (optionally) its own font coverage (an issue may set its fonts). */
export interface CheckEntry {
  issue: Issue;
  sources: SourceMap;
  coverage?: CoverageFn;
}

/**
 * Several issues of a series (files given together, or a folder): each is checked with the issue before it
 * as `previous`, and the numbering rules run over the whole sorted run.
 */
export function checkIssues(entries: CheckEntry[], options: Omit<RunOptions, 'previous'> = {}): CheckResult {
  const out: CheckResult = { diagnostics: [], fixes: [] };
  const sorted = sortIssues(entries.map((e) => e.issue));
  const sourcesOf = new Map(entries.map((e) => [e.issue, e.sources]));
  const coverageOf = new Map(entries.map((e) => [e.issue, e.coverage]));
  sorted.forEach((issue, i) => {
    const coverage = coverageOf.get(issue) ?? options.coverage;
    // The issue before it in its own sequence: a 增刊 follows the last 增刊, a regular issue the last regular one.
    const previous = sorted.slice(0, i).filter((p) => p.special === issue.special).at(-1);
    const r = checkIssue(issue, sourcesOf.get(issue)!, { ...options, coverage, previous });
    out.diagnostics.push(...r.diagnostics);
    out.fixes.push(...r.fixes);
  });
  if (sorted.length > 1) {
    const byFile = new Map(entries.map((e) => [e.issue.file, e.sources]));
    const last = sorted[sorted.length - 1]!;
    for (const rule of options.seriesRules ?? allSeriesRules) {
      const severity = severityOf(rule, last, options);
      if (severity === 'off') continue;
      const findings = safely(rule, last.file, () => rule.checkSeries(sorted), out);
      for (const f of findings) {
        const file = (f.at.text?.ref ?? f.at.ref).file;
        toResult(rule, severity, [f], byFile.get(file) ?? sourcesOf.get(last)!, out);
      }
    }
  }
  return finish(out);
}

/** Sorted by position; the same finding from a shared series file (checked once per issue) is kept once. */
function finish(out: CheckResult): CheckResult {
  out.diagnostics = uniqueDiagnostics(out.diagnostics).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  const seenFix = new Set<string>();
  out.fixes = out.fixes.filter((f) => {
    const key = JSON.stringify([f.file, f.path, f.textOffset, f.edits]);
    if (seenFix.has(key)) return false;
    seenFix.add(key);
    return true;
  });
  return out;
}

/** The fonts an issue's settings resolve to, as `check` needs them: coverage, and the font files found unusable. */
export interface FontSetup {
  coverage?: CoverageFn;
  report: RoleReport[];
  problems: FontFileProblem[];
}

/**
 * Coverage through the fonts the series configures (src/fonts: configured, official, then stand-in faces),
 * for the font-coverage rule, and the font files passed over as damaged. Fonts are imported only here, so a check
 * without fonts never loads fontkit; no coverage when the fonts cannot be resolved (the build reports that).
 */
export async function fontSetupFor(issue: Issue): Promise<FontSetup> {
  try {
    const { resolveFonts } = await import('../fonts/roles.js');
    const { uncovered } = await import('../fonts/coverage.js');
    const { fonts, report, problems } = await resolveFonts(issue.series, dirname(issue.file));
    return { coverage: (role, text) => uncovered(fonts[role], text).map((u) => u.index), report, problems };
  } catch {
    return { report: [], problems: [] };
  }
}

/** Just the coverage of `fontSetupFor`. */
export async function fontCoverageFor(issue: Issue): Promise<CoverageFn | undefined> {
  return (await fontSetupFor(issue)).coverage;
}
