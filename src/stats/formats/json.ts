/**
 * JSON for other tools; the shape is documented in README.md (信息采用统计 → JSON). Keys are English and stable;
 * paths are as the user would type them; a credit to no unit has `unit: null`.
 */
import { displayPath } from '../../check/formats/stylish.js';
import type { Diagnostic, Lang } from '../../diagnostics.js';
import { roundPoints } from '../tally.js';
import type { SkippedFile, StatsReport } from '../types.js';

export function formatJson(report: StatsReport, diagnostics: Diagnostic[], skipped: SkippedFile[], lang: Lang): string {
  const out = {
    period: { from: report.period.from ?? null, to: report.period.to ?? null, label: report.period.label[lang] },
    issues: report.issues,
    items: report.items,
    jointItems: report.jointItems,
    multiSource: report.multiSource,
    sections: report.sectionRows,
    months: report.months,
    units: report.units.map((u) => ({
      rank: u.rank ?? null,
      unit: u.unit === '' ? null : u.unit,
      known: u.known ?? null,
      items: u.items,
      points: u.points,
      sections: u.sections,
      months: u.months,
    })),
    totals: report.totals,
    list: report.credits.map((c) => ({
      date: c.issue.date.iso,
      bulletin: c.issue.series.name,
      issue: c.issue.number,
      number: c.item.number ?? null,
      section: c.section.label,
      title: c.title,
      source: c.written === '' ? null : c.written,
      unit: c.unit === '' ? null : c.unit,
      known: c.known ?? null,
      points: roundPoints(c.points),
      itemPoints: roundPoints(c.itemPoints),
      marks: c.marks,
      file: displayPath(c.issue.file),
    })),
    skipped: skipped.map((s) => ({ file: displayPath(s.file), reason: s.reason[lang] })),
    problems: diagnostics.map((d) => ({
      file: displayPath(d.file),
      line: d.line,
      column: d.column,
      severity: d.severity,
      rule: d.rule,
      message: d.message[lang],
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
