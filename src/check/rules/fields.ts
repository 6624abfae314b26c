/** Refs of the issue's own fields (not Texts), as written in the issue file (schemas/bulletin.schema.json). */
import type { Issue, SourceRef } from '../../issue/model.js';

export type IssueField = 'number' | 'yearNumber' | 'date' | 'totalNumber';

export function fieldRef(issue: Issue, field: IssueField): SourceRef {
  return { file: issue.file, path: [field] };
}

/** Days since the epoch for a calendar date (no time zones involved). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}
