import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { DEFAULT_COLOUR, DEFAULT_FONTS, DEFAULT_PAGE } from './defaults.js';
import type {
  Colour,
  DistributionLine,
  FontSettings,
  Issue,
  Item,
  MediaAt,
  PageSettings,
  Section,
  SectionStyle,
  SeriesSettings,
  SourceRef,
  SpecialKind,
  Text,
} from './model.js';
import { FONT_ROLES } from './font-roles.js';
import { hasPath } from './series.js';
import type { YamlPath, YamlSourceMap } from './source-map.js';
import { ambiguousAliases, readSources } from './source-names.js';
import { cutParagraphs } from './text.js';
import { parseDate } from './dates.js';
import { isMediaEntry, normalizeMedia } from './media.js';

/** What normalisation starts from: validated data of the issue file and (optionally) the series file. */
export interface NormalizeInput {
  /** Absolute path of the issue file. */
  file: string;
  issueData: Record<string, unknown>;
  /** The issue's settings merged over the series file's. */
  merged: Record<string, unknown>;
  seriesFile?: string;
  seriesData?: Record<string, unknown>;
  /** Where to note the other files the issue names and normalizing reads (photos, CSV files). */
  read?: string[];
}

type Raw = Record<string, unknown>;


/**
 * Builds the typed Issue from validated data: applies defaults, numbers items continuously across numbered
 * sections, and records where every Text came from. How any of it is worded on paper is src/compose's.
 */
export function normalize(input: NormalizeInput, sources: YamlSourceMap): { issue?: Issue; diagnostics: Diagnostic[] } {
  const { file, merged, issueData } = input;
  const diagnostics: Diagnostic[] = [];
  const origin = (p: YamlPath): string => (input.seriesFile && !hasPath(issueData, p) && hasPath(input.seriesData, p) ? input.seriesFile : file);

  for (const key of ['name', 'offices'] as const) {
    const value = merged[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) {
      const what = key === 'name' ? '简报名称 name（如 姑苏信息）' : '编发单位 offices（如 - 苏州市姑苏区党政办公室）';
      const whatEn = key === 'name' ? 'the bulletin name "name" (e.g. 姑苏信息)' : 'the issuing offices "offices"';
      // At the key when it is written (empty), else at the top of the issue file.
      const where: YamlPath = [key];
      const at = hasPath(issueData, where) ? { file, ...sources.keyPosition(file, where) }
        : input.seriesFile && hasPath(input.seriesData, where) ? { file: input.seriesFile, ...sources.keyPosition(input.seriesFile, where) }
        : { file, line: 1, column: 1 };
      diagnostics.push({
        ...at,
        severity: 'error',
        rule: 'series-required',
        message: msg(
          `缺少${what}：写在系列文件 bulletin.series.yaml 中（各期共用）${input.seriesFile ? '' : '——没有找到系列文件——'}或写在本文件中`,
          `missing ${whatEn}: put it in the series file bulletin.series.yaml (shared by all issues)${input.seriesFile ? '' : ' — none was found —'} or in this file`,
        ),
      });
    }
  }
  const date = parseDate(String(merged.date));
  if (!date) return { diagnostics };
  if (diagnostics.length > 0) return { diagnostics };

  const text = (p: YamlPath, value: unknown): Text => {
    const f = origin(p);
    return cut(f, p, String(value), false, sources)[0] ?? { text: '', ref: { file: f, path: p } };
  };

  const series = seriesSettings(merged, origin, text);
  const ambiguous = ambiguousAliases(merged.sources);
  if (ambiguous.length > 0) {
    const at = origin(['sources']);
    return {
      diagnostics: ambiguous.map(({ path: p, alias, first, second }) => ({
        file: at,
        ...sources.nodePosition(at, p),
        severity: 'error' as const,
        rule: 'source-alias',
        message: msg(
          `别名“${alias}”不能同时指${first}和${second}：来源写成“${alias}”时分不清是哪个单位。删去其中一处`,
          `the alias "${alias}" cannot stand for both ${first} and ${second}: a source written "${alias}" would be either unit. Remove one of them`,
        ),
      })),
    };
  }
  if (input.seriesFile) series.seriesFile = input.seriesFile;
  series.refs = settingRefs(origin, (p) => hasPath(issueData, p) || hasPath(input.seriesData, p));
  const sections: Section[] = [];
  let counter = 0;
  (merged.sections as Raw[]).forEach((rawSection, si) => {
    const sp: YamlPath = ['sections', si];
    const style = ((rawSection.style as SectionStyle | undefined) ?? 'items') as SectionStyle;
    // Articles are read whole, not numbered; they are listed (by title) when the contents is shown.
    const numbered = (rawSection.numbered as boolean | undefined) ?? style !== 'article';
    const listed = (rawSection.listed as boolean | undefined) ?? (numbered || style === 'article');
    const section: Section = {
      label: rawSection.label === undefined ? '' : String(rawSection.label),
      numbered,
      listed,
      style,
      items: [],
      id: `section-${si + 1}`,
      ref: { file, path: sp },
    };
    (rawSection.items as Raw[]).forEach((rawItem, ii) => {
      const ip: YamlPath = [...sp, 'items', ii];
      const number = numbered ? ++counter : undefined;
      const media: MediaAt[] = [];
      const mediaContext = { file, page: series.page, sources, text, diagnostics, read: input.read ?? [] };
      const item: Item = {
        number,
        paragraphs: body(file, [...ip, 'body'], rawItem.body, sources, (raw, p, before) => {
          const m = normalizeMedia(raw, p, mediaContext);
          if (m) media.push({ before, media: m });
        }),
        id: number !== undefined ? `item-${number}` : `s${si + 1}-i${ii + 1}`,
        ref: { file, path: ip },
      };
      if (rawItem.title !== undefined) item.title = text([...ip, 'title'], rawItem.title);
      if (rawItem.source !== undefined) item.source = text([...ip, 'source'], rawItem.source);
      if (rawItem.note !== undefined) item.note = text([...ip, 'note'], rawItem.note);
      if (rawItem.subtitle !== undefined) item.subtitle = text([...ip, 'subtitle'], rawItem.subtitle);
      if (rawItem.byline !== undefined) item.byline = text([...ip, 'byline'], rawItem.byline);
      if (rawItem.addressee !== undefined) item.addressee = text([...ip, 'addressee'], rawItem.addressee);
      if (Array.isArray(rawItem.attachments)) item.attachments = rawItem.attachments.map((a, ai) => text([...ip, 'attachments', ai], a));
      const sig = rawItem.signature as Raw | undefined;
      if (sig) {
        const written = sig.date === undefined ? undefined : parseDate(String(sig.date));
        item.signature = { organ: text([...ip, 'signature', 'organ'], sig.organ), date: written ?? date };
        if (written) item.signature.dateRef = { file, path: [...ip, 'signature', 'date'] };
      }
      if (Array.isArray(rawItem.marks)) item.marks = rawItem.marks.map((mark, mi) => text([...ip, 'marks', mi], mark));
      if (typeof rawItem.extraPoints === 'number') item.extraPoints = rawItem.extraPoints;
      if (media.length > 0) item.media = media;
      section.items.push(item);
    });
    sections.push(section);
  });

  if (diagnostics.length > 0) return { diagnostics };
  const number = merged.number as number;
  const yearNumber = merged.yearNumber as number | undefined;
  const issue: Issue = {
    file,
    series,
    number,
    yearNumber,
    date,
    sections,
  };
  if (typeof merged.totalNumber === 'number') issue.totalNumber = merged.totalNumber;
  if (merged.special !== undefined) issue.special = merged.special as SpecialKind;
  for (const key of ['note', 'urgency', 'copyNumber'] as const) if (merged[key] !== undefined) issue[key] = text([key], merged[key]);
  return { issue, diagnostics };
}

/**
 * The settings of a series file on its own (`bulletin check bulletin.series.yaml`), from its validated data: what
 * the editorial rules can look at without an issue (distribution, offices, editors …). Unset name and offices stay
 * empty: an issue may give them.
 */
export function normalizeSeries(file: string, data: Record<string, unknown>, sources: YamlSourceMap): SeriesSettings {
  const origin = (): string => file;
  const text = (p: YamlPath, value: unknown): Text => cut(file, p, String(value), false, sources)[0] ?? { text: '', ref: { file, path: p } };
  const series = seriesSettings({ name: '', offices: [], ...data }, origin, text);
  series.seriesFile = file;
  series.refs = settingRefs(origin, (p) => hasPath(data, p));
  return series;
}

function cut(file: string, p: YamlPath, value: string, split: boolean, sources: YamlSourceMap): Text[] {
  return cutParagraphs(value, split, (i) => sources.isFoldedBreak(file, p, i)).map((c) => {
    const ref: SourceRef = { file, path: p, offset: c.indices[0] ?? 0 };
    sources.registerText(ref, c.indices);
    return { text: c.text, ref };
  });
}

/** The body's paragraphs; a photo or table among them goes to `media` with the number of paragraphs before it. */
function body(file: string, p: YamlPath, value: unknown, sources: YamlSourceMap, media: (raw: Record<string, unknown>, p: YamlPath, before: number) => void): Text[] {
  if (Array.isArray(value)) {
    const out: Text[] = [];
    value.forEach((v, i) => {
      if (isMediaEntry(v)) media(v, [...p, i], out.length);
      else out.push(...cut(file, [...p, i], String(v), true, sources));
    });
    return out;
  }
  return cut(file, p, String(value), true, sources);
}

function seriesSettings(m: Raw, origin: (p: YamlPath) => string, text: (p: YamlPath, v: unknown) => Text): SeriesSettings {
  const fonts: FontSettings = { ...DEFAULT_FONTS };
  const rawFonts = (m.fonts ?? {}) as Record<string, string | string[]>;
  for (const role of FONT_ROLES) {
    const v = rawFonts[role];
    if (v === undefined) continue;
    const dir = path.dirname(origin(['fonts', role]));
    fonts[role] = (Array.isArray(v) ? v : [v]).map((name) => (looksLikePath(name) ? path.resolve(dir, name) : name));
  }
  const fontPaths = ((m.fontPaths ?? []) as string[]).map((p, i) => path.resolve(path.dirname(origin(['fontPaths', i])), p));
  const distribution: DistributionLine[] = ((m.distribution ?? []) as Raw[]).map((d, i) => ({
    label: String(d.label),
    recipients: text(['distribution', i, 'recipients'], d.recipients),
  }));
  const page: PageSettings = { ...DEFAULT_PAGE, ...((m.page ?? {}) as Partial<PageSettings>) };
  const settings: SeriesSettings = {
    name: String(m.name),
    offices: (m.offices as string[]).map(String),
    colour: colour(m.colour),
    distribution,
    editors: ((m.editors ?? []) as string[]).map(String),
    fonts,
    fontPaths,
    page,
    sources: [],
    rules: { ...((m.rules ?? {}) as SeriesSettings['rules']) },
  };
  if (m.seriesLine !== undefined) settings.seriesLine = String(m.seriesLine);
  if (m.securityMark !== undefined) settings.securityMark = String(m.securityMark);
  if (m.printCount !== undefined) settings.printCount = m.printCount as number;
  if (m.serial !== undefined) settings.serial = String(m.serial);
  // Only the keys that were written: the rules fill in their own defaults for the rest.
  if (m.check !== undefined) settings.check = { ...(m.check as NonNullable<SeriesSettings['check']>) };
  if (m.stats !== undefined) settings.stats = { ...(m.stats as NonNullable<SeriesSettings['stats']>) };
  if (m.numbering === 'yearly') settings.numbering = 'yearly';
  if (m.contents !== undefined) settings.contents = { ...(m.contents as NonNullable<SeriesSettings['contents']>) };
  const listed = readSources(m.sources);
  settings.sources = listed.sources;
  if (listed.aliases) settings.sourceAliases = listed.aliases;
  return settings;
}

/** Settings whose place in the files is recorded in `SeriesSettings.refs` (see there). */
const REF_PATHS: YamlPath[] = [
  ['name'],
  ['seriesLine'],
  ['securityMark'],
  ['offices'],
  ['editors'],
  ['serial'],
  ['printCount'],
  ['distribution'],
  ['sources'],
  ...FONT_ROLES.map((r): YamlPath => ['fonts', r]),
];

function settingRefs(origin: (p: YamlPath) => string, written: (p: YamlPath) => boolean): Record<string, SourceRef> {
  const refs: Record<string, SourceRef> = {};
  for (const p of REF_PATHS) if (written(p)) refs[p.join('.')] = { file: origin(p), path: p };
  return refs;
}

function looksLikePath(name: string): boolean {
  return /[\\/]/.test(name) || /\.(ttf|otf|ttc|otc|woff2?)$/i.test(name);
}

export function colour(value: unknown): Colour {
  if (typeof value === 'string') {
    const hex = value.replace('#', '');
    return { space: 'rgb', values: [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number] };
  }
  const v = value as { cmyk?: number[]; rgb?: number[] } | undefined;
  if (v?.cmyk) return { space: 'cmyk', values: v.cmyk.slice(0, 4) as [number, number, number, number] };
  if (v?.rgb) return { space: 'rgb', values: v.rgb.slice(0, 3) as [number, number, number] };
  return DEFAULT_COLOUR;
}
