/**
 * Photos and tables among an item's paragraphs (issue 14): the body list's objects → `MediaAt`s, the photos'
 * files probed for their size (layout needs the aspect ratio), tables read from YAML rows or a CSV file. Every
 * mistake is a Diagnostic at the place it was written: the YAML key, or the CSV file's line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { describeFsError } from '../io/fs-errors.js';
import { cellPlaces } from './csv-places.js';
import { detectText } from './decode-text.js';
import type { CellAlign, Media, MediaWidth, PageSettings, Photo, PhotoRow, Table, Text } from './model.js';
import { isProbe, probePhoto, uprightSize } from './photo-probe.js';
import type { YamlPath, YamlSourceMap } from './source-map.js';

type Raw = Record<string, unknown>;

export interface MediaContext {
  /** Absolute path of the issue file (paths are relative to its folder). */
  file: string;
  page: PageSettings;
  sources: YamlSourceMap;
  /** A written text at `p` (registered with the source map, so rules can point inside it). */
  text: (p: YamlPath, value: unknown) => Text;
  diagnostics: Diagnostic[];
  /** Files read (photos, CSV files), pushed even when reading fails: a watcher rebuilds when they change or appear. */
  read: string[];
}

/** Photos and tables may be this many MB: a camera JPEG is a few; anything larger is a wrong file. */
const MAX_IMAGE_MB = 50;
const MAX_CSV_MB = 5;

export function isMediaEntry(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function normalizeMedia(raw: Raw, p: YamlPath, ctx: MediaContext): Media | undefined {
  if (raw.photo !== undefined) return photoRow([raw.photo as Raw], [[...p, 'photo']], p, ctx);
  if (Array.isArray(raw.photos)) return photoRow(raw.photos as Raw[], (raw.photos as Raw[]).map((_, i) => [...p, 'photos', i]), p, ctx);
  if (raw.table !== undefined) return table(raw.table as Raw, [...p, 'table'], ctx);
  return undefined;
}

function error(ctx: MediaContext, at: { file: string; line: number; column: number }, rule: string, zh: string, en: string): void {
  ctx.diagnostics.push({ ...at, severity: 'error', rule, message: msg(zh, en) });
}

const at = (ctx: MediaContext, p: YamlPath): { file: string; line: number; column: number } => ({ file: ctx.file, ...ctx.sources.nodePosition(ctx.file, p) });

function photoRow(raws: Raw[], paths: YamlPath[], p: YamlPath, ctx: MediaContext): PhotoRow | undefined {
  const photos: Photo[] = [];
  raws.forEach((raw, i) => {
    const photo = readPhoto(raw, paths[i]!, ctx);
    if (photo) photos.push(photo);
  });
  if (photos.length !== raws.length) return undefined;
  if (photos.length > 1 && !rowFits(photos, [...p, 'photos'], ctx)) return undefined;
  return { kind: 'photos', photos, ref: { file: ctx.file, path: p } };
}

/** A photo side by side with others and no width of its own gets at least this many characters of the row. */
const MIN_SHARED_CHARS = 4;

/** Whether the widths written for photos side by side, with a character between photos, fit the type width. */
function rowFits(photos: Photo[], p: YamlPath, ctx: MediaContext): boolean {
  const { charsPerLine, typeWidthMm } = ctx.page;
  const chars = (w: MediaWidth): number => ('chars' in w ? w.chars : (w.mm / typeWidthMm) * charsPerLine);
  const given = photos.filter((ph) => ph.width).reduce((a, ph) => a + chars(ph.width!), 0);
  if (given === 0) return true;
  const shared = photos.filter((ph) => !ph.width).length;
  const need = given + (photos.length - 1) + shared * MIN_SHARED_CHARS;
  if (need <= charsPerLine + 1e-6) return true;
  const round = (n: number): string => String(Math.round(n * 10) / 10);
  error(
    ctx,
    at(ctx, p),
    'media-too-wide',
    `这一排图片写的宽度共 ${round(given)} 字，加上图片之间的间隔（每处 1 字）${shared ? `和没写宽度的图片（每张至少 ${MIN_SHARED_CHARS} 字）` : ''}需要 ${round(need)} 字，超过了版心（每行 ${charsPerLine} 字）：减小宽度，或删去某张图片的 width，让它占剩下的宽度`,
    `the widths written for these photos add up to ${round(given)} characters; with a character between photos${shared ? ` and at least ${MIN_SHARED_CHARS} for each photo without a width` : ''} the row needs ${round(need)}, more than the type area (${charsPerLine} a line): make them narrower, or drop a photo's width so it takes what is left`,
  );
  return false;
}

function readPhoto(raw: Raw, p: YamlPath, ctx: MediaContext): Photo | undefined {
  const written = String(raw.file);
  const file = path.resolve(path.dirname(ctx.file), written);
  const where = at(ctx, [...p, 'file']);
  ctx.read.push(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = describeFsError(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      error(ctx, where, 'photo-missing', `找不到图片文件 ${written}（路径相对于本期简报文件所在的文件夹）`, `image file not found: ${written} (paths are relative to the issue file's folder)`);
    } else error(ctx, where, 'photo-missing', `无法读取图片文件 ${written}：${why.zh}`, `cannot read the image file ${written}: ${why.en}`);
    return undefined;
  }
  if (bytes.length > MAX_IMAGE_MB * 1024 * 1024) {
    error(ctx, where, 'photo-corrupt', `图片文件 ${written} 太大（超过 ${MAX_IMAGE_MB} MB），请换一张`, `the image file ${written} is too large (over ${MAX_IMAGE_MB} MB)`);
    return undefined;
  }
  const probe = probePhoto(bytes);
  if (!isProbe(probe)) {
    error(ctx, where, 'photo-corrupt', `图片 ${written} 无法使用：${probe.zh}`, `the image ${written} cannot be used: ${probe.en}`);
    return undefined;
  }
  const { width, height } = uprightSize(probe);
  const photo: Photo = { file, pixelWidth: width, pixelHeight: height, ref: { file: ctx.file, path: p } };
  if (raw.caption !== undefined) photo.caption = ctx.text([...p, 'caption'], raw.caption);
  if (raw.width !== undefined) {
    const w = mediaWidth(raw.width, [...p, 'width'], ctx);
    if (!w) return undefined;
    photo.width = w;
  }
  return photo;
}

/** A width within the type area, or a diagnostic. */
function mediaWidth(value: unknown, p: YamlPath, ctx: MediaContext): MediaWidth | undefined {
  const { charsPerLine, typeWidthMm } = ctx.page;
  if (typeof value === 'number') {
    if (value > charsPerLine) {
      error(ctx, at(ctx, p), 'media-too-wide', `宽度 ${value} 字超过了版心（每行 ${charsPerLine} 字）；最多写 ${charsPerLine}`, `a width of ${value} characters is wider than the type area (${charsPerLine} a line)`);
      return undefined;
    }
    return { chars: value };
  }
  const mm = Number(/\d+(\.\d+)?/.exec(String(value))?.[0]);
  if (!(mm > 0) || mm > typeWidthMm + 0.05) {
    error(ctx, at(ctx, p), 'media-too-wide', `宽度 ${String(value).trim()} 超过了版心宽度 ${typeWidthMm}mm`, `a width of ${String(value).trim()} is wider than the type area (${typeWidthMm} mm)`);
    return undefined;
  }
  return { mm };
}

function table(raw: Raw, p: YamlPath, ctx: MediaContext): Table | undefined {
  const t: Table = { kind: 'table', rows: [], ref: { file: ctx.file, path: p } };
  if (raw.title !== undefined) t.title = ctx.text([...p, 'title'], raw.title);
  if (Array.isArray(raw.header)) t.header = raw.header.map((c, i) => ctx.text([...p, 'header', i], c));
  if (raw.rows === undefined && raw.csv === undefined) {
    error(ctx, at(ctx, p), 'table-empty', '表格没有内容：用 rows 写出各行，或用 csv 指向 CSV 文件', 'the table has no rows: write them under rows, or name a CSV file under csv');
    return undefined;
  }
  if (raw.rows !== undefined && raw.csv !== undefined) {
    error(ctx, at(ctx, [...p, 'csv']), 'table-empty', 'rows 和 csv 只能写一个', 'write rows or csv, not both');
    return undefined;
  }
  const before = ctx.diagnostics.length;
  if (Array.isArray(raw.rows)) {
    t.rows = (raw.rows as unknown[][]).map((row, r) => row.map((c, i) => ctx.text([...p, 'rows', r, i], c)));
    const columns = t.header?.length ?? t.rows[0]!.length;
    t.rows.forEach((row, r) => {
      if (row.length !== columns) cellCount(ctx, at(ctx, [...p, 'rows', r]), row.length, columns, t.header !== undefined);
    });
  } else if (!readCsv(String(raw.csv), [...p, 'csv'], t, ctx)) return undefined;
  if (ctx.diagnostics.length > before) return undefined;
  const columns = t.header?.length ?? t.rows[0]?.length ?? 0;
  if (Array.isArray(raw.widths)) {
    if (raw.widths.length !== columns) return void listLength(ctx, at(ctx, [...p, 'widths']), 'widths', raw.widths.length, columns);
    t.widths = raw.widths as number[];
  }
  if (Array.isArray(raw.align)) {
    if (raw.align.length !== columns) return void listLength(ctx, at(ctx, [...p, 'align']), 'align', raw.align.length, columns);
    t.align = raw.align as CellAlign[];
  }
  return t;
}

function cellCount(ctx: MediaContext, where: { file: string; line: number; column: number }, n: number, columns: number, header: boolean): void {
  const against = header ? `表头有 ${columns} 列` : `第一行有 ${columns} 格`;
  error(ctx, where, 'table-cells', `这一行有 ${n} 格，但${against}；请补齐或删去多余的格（空格写 ""）`, `this row has ${n} cells but the ${header ? 'header has' : 'first row has'} ${columns}; add or remove cells (write "" for an empty one)`);
}

function listLength(ctx: MediaContext, where: { file: string; line: number; column: number }, key: string, n: number, columns: number): void {
  error(ctx, where, 'table-cells', `${key} 写了 ${n} 项，但表格有 ${columns} 列`, `${key} has ${n} entries but the table has ${columns} columns`);
}

/** Rows of a CSV file beside the issue; its first line is the header unless one was written. */
function readCsv(written: string, p: YamlPath, t: Table, ctx: MediaContext): boolean {
  const file = path.resolve(path.dirname(ctx.file), written);
  const where = at(ctx, p);
  ctx.read.push(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') error(ctx, where, 'table-csv', `找不到 CSV 文件 ${written}（路径相对于本期简报文件所在的文件夹）`, `CSV file not found: ${written} (relative to the issue file's folder)`);
    else error(ctx, where, 'table-csv', `无法读取 CSV 文件 ${written}：${describeFsError(err).zh}`, `cannot read the CSV file ${written}: ${describeFsError(err).en}`);
    return false;
  }
  if (bytes.length > MAX_CSV_MB * 1024 * 1024) {
    error(ctx, where, 'table-csv', `CSV 文件 ${written} 太大（超过 ${MAX_CSV_MB} MB）`, `the CSV file ${written} is too large (over ${MAX_CSV_MB} MB)`);
    return false;
  }
  const decoded = detectText(bytes);
  if (!decoded.ok) {
    error(ctx, where, 'table-csv', `CSV 文件 ${written} 不是 UTF-8 或 GBK 编码的文本；请在 Excel 中另存为“CSV UTF-8”`, `the CSV file ${written} is not UTF-8 or GBK text; save it from Excel as "CSV UTF-8"`);
    return false;
  }
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(decoded.text, { info: true, raw: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    error(ctx, { file, line: e.lines ?? 1, column: 1 }, 'table-csv', `CSV 文件格式有误（多半是引号没有配对）：${e.message ?? ''}`, `the CSV file is malformed (most likely an unmatched quote): ${e.message ?? ''}`);
    return false;
  }
  // Cells point into the CSV file (a finding in a cell's text is at its line and column there).
  const places = cellPlaces(decoded.text, records.map((r) => r.raw));
  const rows = records.map((r, k) => {
    const cells: Text[] = r.record.map((text, c) => {
      const place = places?.[k]?.[c];
      return { text, ref: place ? { file, path: p, at: place } : { file: ctx.file, path: p } };
    });
    return { cells, line: places?.[k]?.[0]?.line ?? r.info.lines };
  });
  if (rows.length === 0) {
    error(ctx, where, 'table-csv', `CSV 文件 ${written} 是空的`, `the CSV file ${written} is empty`);
    return false;
  }
  // Trailing empty cells past the table's columns are what Excel writes for a stray cell once formatted.
  let body = rows;
  if (!t.header) {
    t.header = trimEnd(rows[0]!.cells, 1);
    body = rows.slice(1);
  }
  const columns = t.header.length;
  let ok = true;
  for (const r of body) {
    r.cells = trimEnd(r.cells, columns);
    if (r.cells.length !== columns) {
      // A cell too many is shown where it starts; a row short of cells at the row's start.
      const extra = r.cells[columns]?.ref.at;
      cellCount(ctx, { file, line: extra?.line ?? r.line, column: extra?.column ?? 1 }, r.cells.length, columns, true);
      ok = false;
    }
  }
  if (body.length === 0) {
    error(ctx, where, 'table-csv', `CSV 文件 ${written} 只有表头，没有数据行`, `the CSV file ${written} has a header but no rows`);
    return false;
  }
  t.rows = body.map((r) => r.cells);
  return ok;
}

function trimEnd(cells: Text[], keep: number): Text[] {
  let n = cells.length;
  while (n > keep && cells[n - 1]!.text === '') n--;
  return cells.slice(0, n);
}
