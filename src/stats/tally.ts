/** Adding up: the credits of the issues counted, as rows per unit and per section, ranked. */
import type { Period } from './period.js';
import type { Credit, SectionRow, StatsReport, UnitRow } from './types.js';

/** Points as the tables show them: two decimals at most (a third of a point is 0.33). */
export function roundPoints(x: number): number {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Rows and totals from `credits` (already in reading order: by date, issue, place), for `period`. `months` are the
 * columns of a table by month; `order` breaks ties (the series' `sources` lists, then the order of first appearance; it names every unit).
 */
export function tally(credits: Credit[], period: Period, months: string[], order: string[], issues: number): StatsReport {
  const units = new Map<string, UnitRow>();
  const sections = new Map<string, SectionRow & { unitSet: Set<string> }>();
  const items = new Set<unknown>();
  const unitsOfItem = new Map<unknown, number>();
  const policies = new Set(credits.map((c) => c.multiSource));
  for (const c of credits) {
    items.add(c.item);
    unitsOfItem.set(c.item, (unitsOfItem.get(c.item) ?? 0) + 1);
    let row = units.get(c.unit);
    if (!row) units.set(c.unit, (row = { unit: c.unit, ...(c.known !== undefined ? { known: c.known } : {}), items: 0, points: 0, sections: {}, months: {} }));
    // A unit known in one series and unknown in another counts as known: it is on some list.
    if (c.known) row.known = true;
    row.items += 1;
    row.points += c.points;
    row.sections[c.section.label] = (row.sections[c.section.label] ?? 0) + 1;
    const month = c.issue.date.iso.slice(0, 7);
    row.months[month] = (row.months[month] ?? 0) + 1;
    let s = sections.get(c.section.label);
    if (!s) sections.set(c.section.label, (s = { section: c.section.label, items: 0, units: 0, points: 0, unitSet: new Set() }));
    if (c.unit !== '') s.unitSet.add(c.unit);
  }
  // A section's items and points count each item once, whatever the number of its units.
  const seen = new Set<unknown>();
  for (const c of credits) {
    if (seen.has(c.item)) continue;
    seen.add(c.item);
    const s = sections.get(c.section.label)!;
    s.items += 1;
    s.points += c.itemPoints;
  }

  const place = (unit: string) => order.indexOf(unit);
  const rows = [...units.values()].map((r) => ({ ...r, points: roundPoints(r.points) }));
  rows.sort(
    (a, b) =>
      Number(a.unit === '') - Number(b.unit === '') ||
      b.points - a.points ||
      b.items - a.items ||
      place(a.unit) - place(b.unit),
  );
  rows.forEach((r, i) => {
    if (r.unit === '') return;
    const prev = rows[i - 1];
    r.rank = prev && prev.unit !== '' && prev.points === r.points ? prev.rank! : i + 1;
  });

  return {
    period,
    issues,
    items: items.size,
    sections: [...sections.keys()],
    months,
    units: rows,
    sectionRows: [...sections.values()].map(({ unitSet, ...s }) => ({ ...s, units: unitSet.size, points: roundPoints(s.points) })),
    totals: { items: rows.reduce((n, r) => n + r.items, 0), points: roundPoints(rows.reduce((n, r) => n + r.points, 0)) },
    credits,
    multiSource: policies.size > 1 ? 'mixed' : ([...policies][0] ?? 'each'),
    jointItems: [...unitsOfItem.values()].filter((n) => n > 1).length,
  };
}
