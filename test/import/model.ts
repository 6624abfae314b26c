/** The normalised model of an issue as plain data — every title, body, source, label and setting — for comparing two files. */
import path from 'node:path';
import { expect } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { runCli } from '../fixtures/capture.js';
import { examples, repoRoot } from '../fixtures/tmp.js';

export const SEED = path.join(repoRoot, 'test/fixtures/seed-gusu-022.txt');
export const REFERENCE = path.join(examples, 'gusu-022.yaml');

export function plain(issue: Issue) {
  const s = issue.series;
  return {
    name: s.name,
    seriesLine: s.seriesLine,
    offices: s.offices,
    securityMark: s.securityMark,
    distribution: s.distribution.map((d) => ({ label: d.label, recipients: d.recipients.text })),
    editors: s.editors,
    printCount: s.printCount,
    serial: s.serial,
    number: issue.number,
    yearNumber: issue.yearNumber,
    date: issue.date.iso,
    sections: issue.sections.map((sec) => ({
      label: sec.label,
      numbered: sec.numbered,
      listed: sec.listed,
      style: sec.style,
      items: sec.items.map((i) => ({ title: i.title?.text, note: i.note?.text, paragraphs: i.paragraphs.map((p) => p.text), source: i.source?.text })),
    })),
  };
}

/** Loads a file as `check` does and expects it to load without errors. */
export async function load(file: string): Promise<Issue> {
  const loaded = await loadIssue(file);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.message.zh}`)).toEqual([]);
  return loaded.issue!;
}

/** `bulletin import ARGS…` in-process, with a pinned today. */
export function importCli(...args: string[]) {
  const before = process.env.BULLETIN_TODAY;
  process.env.BULLETIN_TODAY = '2026-05-21';
  return runCli('import', ...args).finally(() => {
    if (before === undefined) delete process.env.BULLETIN_TODAY;
    else process.env.BULLETIN_TODAY = before;
  });
}
