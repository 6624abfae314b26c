/** Builds `Issue` objects from plain strings, so rules are tested without the loader. */
import type { Issue, Item, Section, SourceMap, Text } from '../../src/issue/model.js';
import { defaultSettings, type Finding, type Rule, type RuleContext } from '../../src/check/rules/types.js';

export interface ItemSpec {
  title?: string;
  body: string | string[];
  source?: string;
  note?: string;
}

export interface SectionSpec {
  label?: string;
  numbered?: boolean;
  items: ItemSpec[];
}

export interface IssueSpec {
  file?: string;
  number?: number;
  yearNumber?: number;
  date?: string;
  sources?: string[];
  sections: SectionSpec[];
}

export function makeIssue(spec: IssueSpec): Issue {
  const file = spec.file ?? '/tmp/issue.yaml';
  const t = (text: string, path: (string | number)[]): Text => ({ text, ref: { file, path } });
  let n = 0;
  const sections: Section[] = spec.sections.map((s, si) => {
    const numbered = s.numbered ?? true;
    const items: Item[] = s.items.map((it, ii) => {
      const base = ['sections', si, 'items', ii];
      const body = typeof it.body === 'string' ? [it.body] : it.body;
      return {
        number: numbered ? ++n : undefined,
        title: it.title === undefined ? undefined : t(it.title, [...base, 'title']),
        paragraphs: body.map((p, k) => t(p, typeof it.body === 'string' ? [...base, 'body'] : [...base, 'body', k])),
        source: it.source === undefined ? undefined : t(it.source, [...base, 'source']),
        note: it.note === undefined ? undefined : t(it.note, [...base, 'note']),
        id: `item-${si}-${ii}`,
        ref: { file, path: base },
      };
    });
    return { label: s.label ?? '动态', numbered, listed: numbered, style: 'items', items, id: `s${si}`, ref: { file, path: ['sections', si] } };
  });
  const iso = spec.date ?? '2026-05-21';
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const issue: Issue = {
    file,
    series: {
      name: '姑苏信息',
      offices: [],
      colour: { space: 'cmyk', values: [0, 100, 100, 0] },
      distribution: [],
      editors: [],
      fonts: { masthead: [], body: [], heading: [], kai: [], number: [] },
      fontPaths: [],
      page: { widthMm: 210, heightMm: 297, topMm: 37, leftMm: 28, typeWidthMm: 156, typeHeightMm: 225, bodySizePt: 16, charsPerLine: 28, linesPerPage: 22, pageNumbers: 'outside' },
      sources: spec.sources ?? [],
      rules: {},
    },
    number: spec.number ?? 22,
    yearNumber: spec.yearNumber,
    date: { year, month, day, iso },
    sections,
  };
  return issue;
}

/** One item with one paragraph: the common case for text rules. */
export function paragraphIssue(body: string | string[], extra: Partial<ItemSpec> = {}): Issue {
  return makeIssue({ sections: [{ items: [{ title: '标题', source: '区发改局', ...extra, body }] }] });
}

/** Positions as "line = path depth, column = offset + 1": enough to see the offset came through. */
export const offsetSources: SourceMap = { position: (_ref, offset = 0) => ({ line: 1, column: offset + 1 }) };

export function run(rule: Rule, issue: Issue, extra: Partial<RuleContext> = {}): Finding[] {
  return rule.check({ issue, settings: defaultSettings, today: new Date(2026, 4, 25), ...extra });
}

/** Applies a finding list's fixes to one text (what --fix does to a scalar), for round-trip assertions. */
export function applyTo(text: string, findings: Finding[]): string {
  const edits = findings.flatMap((f) => f.fix ?? []).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
