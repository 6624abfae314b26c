/**
 * What an item's `source` names, read against the series' `sources` list: the units it stands for, with aliases
 * resolved (发改局 → 区发改局) and a joint source cut into its units (区发改局、区商务局). `check` (source-unknown)
 * and `bulletin stats` read sources through this one function, so what check accepts is what stats counts.
 */
import type { SeriesSettings } from './model.js';

export interface SourceUnit {
  /** The unit's name: as the `sources` list gives it when known, else as written. */
  name: string;
  /** As written in the item (an alias, or one part of a joint source). */
  written: string;
  /** Where `written` starts in the source text (to point at it). */
  offset: number;
  /** In the series' `sources` list (by name or alias); undefined when the series has no list. */
  known?: boolean;
}

/** Marks that separate the units of a joint source: 区发改局、区商务局 / 区发改局，区商务局 / 区发改局/区商务局. */
const SEPARATORS = /[、，,；;／/]/g;

/** The units a source text stands for, each once, in the order written. */
export function sourceUnits(text: string, series: Pick<SeriesSettings, 'sources' | 'sourceAliases'>): SourceUnit[] {
  const listed = series.sources.length > 0;
  const resolve = (written: string): string | undefined => {
    if (series.sources.includes(written)) return written;
    const aliases = series.sourceAliases;
    return aliases && Object.hasOwn(aliases, written) ? aliases[written] : undefined;
  };
  const trimmed = text.trim();
  const lead = text.length - text.trimStart().length;
  if (trimmed === '') return [];
  // A name that contains a separator (区委、区政府办公室) is one unit when the list says so.
  const whole = resolve(trimmed);
  if (whole !== undefined) return [{ name: whole, written: trimmed, offset: lead, known: true }];

  const units: SourceUnit[] = [];
  let start = 0;
  for (const cut of [...text.matchAll(SEPARATORS), { index: text.length }]) {
    const raw = text.slice(start, cut.index);
    const written = raw.trim();
    const offset = start + (raw.length - raw.trimStart().length);
    start = cut.index! + 1;
    if (written === '') continue;
    const name = resolve(written);
    const unit: SourceUnit = { name: name ?? written, written, offset };
    if (listed) unit.known = name !== undefined;
    if (!units.some((u) => u.name === unit.name)) units.push(unit);
  }
  return units;
}
