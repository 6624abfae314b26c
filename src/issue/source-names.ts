/**
 * What an item's `source` names, read against the series' `sources` list: the units it stands for, with aliases
 * resolved (发改局 → 区发改局) and a joint source cut into its units (区发改局、区商务局). `check` (source-unknown)
 * and `bulletin stats` read sources through this one function, so what check accepts is what stats counts.
 */
import type { SeriesSettings } from './model.js';
import type { YamlPath } from './source-map.js';

/** A `sources` entry as validated: a name, or a name with its other spellings. */
type SourceEntry = string | { name: string; aliases?: string[] };

/** The validated `sources` list as names and alias → name (the first unit to claim an alias keeps it). */
export function readSources(raw: unknown): { sources: string[]; aliases?: Record<string, string> } {
  const sources: string[] = [];
  let aliases: Record<string, string> | undefined;
  for (const entry of (Array.isArray(raw) ? raw : []) as SourceEntry[]) {
    if (typeof entry === 'string') {
      sources.push(entry);
      continue;
    }
    sources.push(entry.name);
    for (const alias of entry.aliases ?? []) {
      aliases ??= {};
      if (!Object.hasOwn(aliases, alias)) aliases[alias] = entry.name;
    }
  }
  return aliases ? { sources, aliases } : { sources };
}

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

/**
 * Aliases in `sources` that would make a source mean two units: an alias of two units, or an alias that is
 * another unit's name. Each is reported at the later of the two places.
 */
export function ambiguousAliases(raw: unknown): { path: YamlPath; alias: string; first: string; second: string }[] {
  const entries = (Array.isArray(raw) ? raw : []) as SourceEntry[];
  const names = new Map(entries.map((e) => (typeof e === 'string' ? e : e.name)).map((n) => [n, n]));
  const claimed = new Map<string, string>();
  const out: { path: YamlPath; alias: string; first: string; second: string }[] = [];
  entries.forEach((e, i) => {
    if (typeof e === 'string') return;
    (e.aliases ?? []).forEach((alias, j) => {
      const other = names.get(alias) ?? claimed.get(alias);
      if (other !== undefined && other !== e.name) out.push({ path: ['sources', i, 'aliases', j], alias, first: other, second: e.name });
      else claimed.set(alias, e.name);
    });
  });
  return out;
}
