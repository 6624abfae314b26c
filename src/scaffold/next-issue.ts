/**
 * The next issue of a series from the previous one (`bulletin new`): number + 1, running number + 1 (1 again in a
 * new year), total number + 1 (never restarting), today's date, the same sections with one placeholder item each.
 * Each sequence continues from its own last issue: from a 增刊 comes the next 增刊 (增刊第 N+1 期, the regular
 * numbers untouched), from a regular issue the next regular one. A 编者按, urgency or 份号 belongs to the one issue
 * and is not carried over. Edited through the yaml Document API
 * so comments, key order and per-issue overrides survive; series settings stay in bulletin.series.yaml.
 */
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type YAMLMap } from 'yaml';
import type { Message } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { PLACEHOLDER } from '../check/rules/placeholder.js';
import { parseDate } from '../issue/dates.js';
import type { Day } from '../issue/today.js';

export interface NextIssue {
  text: string;
  number: number;
  yearNumber?: number;
  totalNumber?: number;
  special?: string;
  date: string;
}

export type NextResult = { ok: true; next: NextIssue } | { ok: false; message: Message; line?: number };

/**
 * One placeholder item: valid for the schema, flagged by the `placeholder` rule until the editor writes it. The
 * section label is in the title so two sections' placeholders are not reported as duplicate titles.
 */
export function placeholderItem(doc: Document, bullets: boolean, label: string, article = false): YAMLMap {
  const body = new Scalar(`${PLACEHOLDER}正文。段落之间空一行。\n`);
  body.type = Scalar.BLOCK_LITERAL;
  if (article) return doc.createNode({ title: `${PLACEHOLDER}文章标题`, body }) as YAMLMap;
  const item: Record<string, unknown> = bullets ? {} : { title: `${PLACEHOLDER}${label}栏目的标题（一句话，末尾不加句号）` };
  item.body = body;
  item.source = `${PLACEHOLDER}来源单位`;
  return doc.createNode(item) as YAMLMap;
}

/** `prevText` is the previous issue file; `outFile`/`prevFile` let relative paths in it follow the move. */
/** `yearly`: the series numbers its issues within each year (2026 年第 N 期), so a new year starts at 1 again. */
export function nextIssue(prevText: string, prevFile: string, outFile: string, today: Day, yearly = false): NextResult {
  const doc = parseDocument(prevText, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { ok: false, line: e.linePos?.[0]?.line, message: msg(`上一期文件不是有效的 YAML：${e.message}`, `the previous issue is not valid YAML: ${e.message}`) };
  }
  if (!isMap(doc.contents)) return { ok: false, message: msg('上一期文件不是一期简报（应为键值映射）', 'the previous issue is not an issue file (expected a mapping)') };

  const number = doc.get('number');
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    return { ok: false, message: msg('上一期文件没有期号 number（整数）', 'the previous issue has no integer "number"') };
  }
  const prevDay = parseDate(String(doc.get('date') ?? '').trim());
  if (!prevDay) return { ok: false, message: msg('上一期文件没有有效的日期 date（YYYY-MM-DD）', 'the previous issue has no valid "date" (YYYY-MM-DD)') };
  const prevYearNumber = doc.get('yearNumber');

  const special = doc.get('special');
  const restart = yearly && special === undefined && today.year !== prevDay.year;
  const next: NextIssue = { text: '', number: restart ? 1 : number + 1, date: today.iso };
  doc.set('number', next.number);
  if (typeof prevYearNumber === 'number') {
    // The running number counts issues within a calendar year.
    next.yearNumber = today.year !== prevDay.year ? 1 : prevYearNumber + 1;
    doc.set('yearNumber', next.yearNumber);
  }
  const prevTotal = doc.get('totalNumber');
  // 总第 N 期 counts on across years; a 增刊 has none of its own, so it is carried as it was.
  if (typeof prevTotal === 'number' && doc.get('special') === undefined) {
    next.totalNumber = prevTotal + 1;
    doc.set('totalNumber', next.totalNumber);
  }
  if (typeof special === 'string') next.special = special;
  for (const key of ['note', 'urgency', 'copyNumber']) doc.delete(key);
  doc.set('date', today.iso);

  const sections = doc.get('sections');
  if (isSeq(sections)) {
    for (const section of sections.items) {
      if (!isMap(section)) continue;
      const bullets = section.get('style') === 'bullets';
      const items = doc.createNode([]) as ReturnType<Document['createNode']> & { items: unknown[] };
      items.items.push(placeholderItem(doc, bullets, String(section.get('label') ?? ''), section.get('style') === 'article'));
      section.set('items', items);
    }
  }

  rebasePaths(doc, path.dirname(prevFile), path.dirname(outFile));
  // The header comment often names the issue ("第 22 期"); keep it true for the new one.
  editHeaderComment(doc, (c) => {
    let out = c.replace(`第 ${number} 期`, `第 ${next.number} 期`);
    if (next.totalNumber !== undefined) out = out.replace(`总第 ${next.totalNumber - 1} 期`, `总第 ${next.totalNumber} 期`);
    return out;
  });
  next.text = doc.toString({ lineWidth: 0 });
  return { ok: true, next };
}

/** Relative paths (series file, fonts, the $schema comment) are relative to the file; keep them pointing at the same place. */
function rebasePaths(doc: Document, fromDir: string, toDir: string): void {
  if (path.resolve(fromDir) === path.resolve(toDir)) return;
  const move = (p: string) => (path.isAbsolute(p) ? p : path.relative(toDir, path.resolve(fromDir, p)).split(path.sep).join('/'));
  const series = doc.get('series');
  if (typeof series === 'string') doc.set('series', move(series));
  const fontPaths = doc.get('fontPaths');
  if (isSeq(fontPaths)) for (const n of fontPaths.items) if (isScalar(n) && typeof n.value === 'string') n.value = move(n.value);
  const fonts = doc.get('fonts');
  if (isMap(fonts)) {
    for (const pair of fonts.items) {
      const nodes = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const n of nodes) if (isScalar(n) && typeof n.value === 'string' && /[\\/]|\.(ttf|otf|ttc)$/i.test(n.value)) n.value = move(n.value);
    }
  }
  editHeaderComment(doc, (c) =>
    c.replace(/(yaml-language-server: \$schema=)(\S+)/, (_, head: string, p: string) => (/^[a-z]+:\/\//i.test(p) ? head + p : head + move(p))),
  );
}

/** The comment lines at the top of the file, which yaml attaches to the document or to the first key. */
function editHeaderComment(doc: Document, edit: (comment: string) => string): void {
  if (doc.commentBefore) doc.commentBefore = edit(doc.commentBefore);
  const firstKey = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  if (isScalar(firstKey) && firstKey.commentBefore) firstKey.commentBefore = edit(firstKey.commentBefore);
}

/** gusu-022.yaml → gusu-023.yaml (same width); otherwise <name>-<number>.yaml. */
export function defaultOutName(prevFile: string, prevNumber: number, nextNumber: number): string {
  const base = path.basename(prevFile);
  const m = /^(.*?)(\d+)(\.ya?ml)$/i.exec(base);
  if (m && Number(m[2]) === prevNumber) return `${m[1]}${String(nextNumber).padStart(m[2]!.length, '0')}${m[3]}`;
  const stem = base.replace(/\.ya?ml$/i, '');
  return `${stem}-${nextNumber}.yaml`;
}
