/**
 * File handling for `bulletin new`: load the previous issue as `check` would (so its problems are reported the
 * same way, file:line:column), pick the output name, write without overwriting and never half a file.
 */
import { closeSync, openSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, type Document } from 'yaml';
import type { Diagnostic, Lang } from '../diagnostics.js';
import { translator } from '../i18n/lang.js';
import { describeFsError } from '../io/fs-errors.js';
import { displayPath } from '../io/display-path.js';
import { defaultOutName, nextIssue } from './next-issue.js';
import { today } from '../issue/today.js';
import type { SpecialKind } from '../issue/model.js';

/** Top-level keys that describe one issue; every other top-level key is a setting the new issue inherits. */
const ISSUE_KEYS = new Set(['number', 'yearNumber', 'totalNumber', 'special', 'note', 'urgency', 'copyNumber', 'date', 'sections', 'series']);

export async function createNextIssue(from: string, out: string | undefined, options: { lang: Lang; env?: NodeJS.ProcessEnv }): Promise<number> {
  const { lang } = options;
  const t = translator(lang);
  const say = (s: string) => process.stderr.write(`${t('bulletin new：', 'bulletin new: ')}${s}\n`);
  const day = today(options.env);
  if ('error' in day) {
    say(day.message[lang]);
    return 2;
  }
  const prevFile = path.resolve(from);
  const { isSeriesFileName } = await import('../issue/inputs.js');
  if (isSeriesFileName(prevFile)) {
    say(t(`${from} 是系列设置文件，不是一期简报；--from 要写上一期的简报文件（如 gusu-022.yaml）`, `${from} is a series settings file, not an issue; --from takes the previous issue file (e.g. gusu-022.yaml)`));
    return 2;
  }

  // The previous issue, read and validated as `check` does: its problems with line and column, in our words.
  const { loadIssue } = await import('../issue/load.js');
  const { formatFindings } = await import('../check/formats/findings.js');
  const loaded = await loadIssue(prevFile);
  process.stderr.write(formatFindings(loaded.diagnostics, lang));
  if (!loaded.issue || loaded.diagnostics.some((d) => d.severity === 'error')) {
    if (loaded.diagnostics.some((d) => d.rule === 'io')) {
      say(t(`无法读取上一期文件 ${displayPath(prevFile)}（见上），没有生成新的一期`, `cannot read the previous issue ${displayPath(prevFile)} (see above); nothing was created`));
      return 2;
    }
    say(t(`上一期文件 ${displayPath(prevFile)} 有问题，没有生成新的一期；请先改正上面的问题（bulletin check ${displayPath(prevFile)}）`, `the previous issue ${displayPath(prevFile)} has problems, nothing was created; fix the ones above first (bulletin check ${displayPath(prevFile)})`));
    return 1;
  }
  const { readText } = await import('../issue/read.js');
  const read = await readText(prevFile);
  if (read.text === undefined) {
    process.stderr.write(formatFindings(read.diagnostics, lang));
    return 2;
  }

  // OUT may be a folder: the new file goes into it, under the default name.
  const prevNumber = loaded.issue.number;
  // Yearly numbering starts again at 1 in a new year (a 增刊 keeps counting on its own).
  const restart = loaded.issue.series.numbering === 'yearly' && !loaded.issue.special && day.year !== loaded.issue.date.year;
  const defaultName = defaultOutName(prevFile, prevNumber, restart ? 1 : prevNumber + 1);
  let outFile = out ? path.resolve(out) : path.join(path.dirname(prevFile), defaultName);
  if (out && isFolder(outFile)) outFile = path.join(outFile, defaultName);
  if (outFile === prevFile) {
    say(t('新文件不能与上一期是同一个文件', 'the new file cannot be the previous one'));
    return 2;
  }

  const result = nextIssue(read.text, prevFile, outFile, day, loaded.issue.series.numbering === 'yearly');
  if (!result.ok) {
    const d: Diagnostic = { file: prevFile, line: result.line ?? 1, column: 1, severity: 'error', rule: 'new', message: result.message };
    process.stderr.write(formatFindings([d], lang));
    say(t('没有生成新的一期', 'nothing was created'));
    return 1;
  }

  const written = writeNew(outFile, result.next.text);
  if (written !== 'ok') {
    if (written.code === 'EEXIST') {
      say(t(`${displayPath(outFile)} 已经存在，不会覆盖；请换一个文件名，或先删除它`, `${displayPath(outFile)} already exists and is not overwritten; choose another name or delete it first`));
      return 1;
    }
    const why = describeFsError(written);
    say(t(`无法写入 ${displayPath(outFile)}：${why.zh}`, `cannot write ${displayPath(outFile)}: ${why.en}`));
    return 2;
  }

  const n = result.next;
  const { formatIssueLine } = await import('../compose/wording.js');
  const line = formatIssueLine({ ...n, special: n.special as SpecialKind | undefined, date: { year: day.year }, series: loaded.issue.series });
  process.stdout.write(
    t(
      `✓ 已生成 ${displayPath(outFile)}：${line}，${n.date}\n  请把【待填写】处换成本期内容，然后运行：bulletin check ${displayPath(outFile)}\n`,
      `✓ created ${displayPath(outFile)}: issue ${n.number}${n.yearNumber === undefined ? '' : ` (${day.year} no. ${n.yearNumber})`}, ${n.date}\n  replace every 【待填写】 with this issue's content, then run: bulletin check ${displayPath(outFile)}\n`,
    ),
  );
  // Settings the previous issue overrode its series file with are often one-offs (printCount: 80 for one issue):
  // they are kept, and named, so the editor decides. A file without a series file holds every setting: no note.
  const carried = loaded.issue.series.seriesFile ? carriedSettings(loaded.documents.get(prevFile), (offset) => loaded.sources.positionAt(prevFile, offset).line) : [];
  if (carried.length > 0) {
    const list = carried.map((c) => `${c.key}（第 ${c.line} 行）`).join('、');
    const listEn = carried.map((c) => `${c.key} (line ${c.line})`).join(', ');
    process.stdout.write(
      t(
        `  注意：上一期在简报文件中覆盖了系列设置，这些设置原样带到了新的一期：${list}；只适用于上一期的（如临时增印的 printCount），请在新文件中删去\n`,
        `  note: the previous issue overrode series settings, and these were carried over as they were: ${listEn}; delete the ones meant for that issue only (such as a one-off printCount)\n`,
      ),
    );
  }
  return 0;
}

/** Settings written in the previous issue file itself (not its series file), which the new file repeats. */
export function carriedSettings(doc: Document | undefined, lineAt: (offset: number) => number): { key: string; line: number }[] {
  if (!doc || !isMap(doc.contents)) return [];
  const out: { key: string; line: number }[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (ISSUE_KEYS.has(key)) continue;
    const start = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    out.push({ key, line: start === undefined ? 1 : lineAt(start) });
  }
  return out;
}

/** Exclusive create ('wx': never overwrite an issue someone has started); a failed write removes what it wrote. */
function writeNew(file: string, text: string): 'ok' | NodeJS.ErrnoException {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
  try {
    writeFileSync(fd, text);
    closeSync(fd);
    return 'ok';
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      /* already failing */
    }
    try {
      unlinkSync(file);
    } catch {
      /* nothing to remove */
    }
    return err as NodeJS.ErrnoException;
  }
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

