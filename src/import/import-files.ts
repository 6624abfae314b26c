/**
 * `bulletin import FILE… [-o OUT.yaml] [--series SERIES.yaml]`: reads the inputs, recognises a whole issue (one
 * text or Word file) or one item per department file, and writes the issue file and — when none is there to
 * compare with — a series file beside it. Nothing is overwritten, and a failure leaves neither file behind.
 */
import { existsSync, lstatSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { Lang, Message } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { findSeriesFile, SERIES_FILE_NAME } from '../issue/series.js';
import { writeFileAtomic, WriteError } from '../io/write-atomic.js';
import { today } from '../issue/today.js';
import { decodeText, textBlocks } from './decode-text.js';
import { readDocx } from './docx.js';
import { readInput } from './read-input.js';
import { isWholeIssue, recogniseIssue } from './recognise-issue.js';
import { recogniseItem } from './recognise-item.js';
import { compareWithSeries } from './series-compare.js';
import { emptyDraft, type Block, type Draft, type Note, type SeriesKey, type Unit } from './types.js';
import { issueFile, seriesFile } from './yaml-writer.js';

export interface ImportOptions {
  out?: string;
  series?: string;
  lang: Lang;
  env?: NodeJS.ProcessEnv;
}

/** What one input gave, for the report. */
export interface InputReport {
  file: string;
  /** UTF-8, GBK/GB18030, Word … */
  kind: string;
  unit: Unit;
  whole: boolean;
  guesses: Note[];
  skipped: Note[];
}

export type ImportResult =
  | {
      exit: 0;
      issueFile: string;
      /** The series file written, or the existing one compared with. */
      seriesFile: string;
      seriesWritten: boolean;
      draft: Draft;
      overrides: { key: SeriesKey; comment?: string }[];
      inputs: InputReport[];
    }
  | { exit: 1 | 2; file?: string; message: Message };

const fail = (exit: 1 | 2, message: Message, file?: string): ImportResult => ({ exit, message, file });

interface Read {
  report: InputReport;
  blocks: Block[];
}

async function readOne(file: string): Promise<Read | ImportResult> {
  const input = readInput(file);
  if (!input.ok) return fail(input.exit, input.message, file);
  if (input.kind === 'docx') {
    const docx = await readDocx(input.bytes);
    if (!docx.ok) return fail(1, docx.message, file);
    return { blocks: docx.blocks, report: { file, kind: 'Word', unit: 'paragraph', whole: false, guesses: [], skipped: docx.skipped } };
  }
  const text = decodeText(input.bytes);
  if (!text.ok) return fail(1, text.message, file);
  const { blocks, skipped } = textBlocks(text.text);
  return { blocks, report: { file, kind: text.encoding, unit: 'line', whole: false, guesses: [], skipped } };
}

const NOT_BULLETIN = msg(
  '看不出这是简报或一条信息（没有中文正文）；请给出一期简报的文字，或各部门报送信息的 Word / 文本文件',
  'this does not look like a bulletin or an item (no Chinese text); give the text of an issue, or a department\'s Word or text file',
);

export async function importFiles(files: string[], o: ImportOptions): Promise<ImportResult> {
  const day = today(o.env);
  if ('error' in day) return fail(2, day.message);
  if (o.series !== undefined && !existsSync(o.series)) return fail(2, msg(`找不到系列文件 ${o.series}`, `series file ${o.series} not found`));

  const reads: Read[] = [];
  for (const file of files) {
    const r = await readOne(file);
    if ('exit' in r) return r;
    if (!r.blocks.some((b) => /\p{Script=Han}/u.test(b.text))) return fail(1, NOT_BULLETIN, file);
    r.report.whole = isWholeIssue(r.blocks);
    reads.push(r);
  }
  const whole = reads.filter((r) => r.report.whole);
  if (whole.length > 0 && reads.length > 1) {
    return fail(
      2,
      msg(
        `${whole.map((r) => r.report.file).join('、')} 是完整的一期简报，要单独导入；几个部门的信息（每个文件一条）才一起导入`,
        `${whole.map((r) => r.report.file).join(', ')} is a whole issue and is imported on its own; several files are for departments' items (one item each)`,
      ),
    );
  }

  let draft: Draft;
  if (whole.length === 1) {
    const r = whole[0]!;
    draft = emptyDraft();
    recogniseIssue(r.blocks, r.report.unit, draft);
    if (draft.sections.length === 0) {
      return fail(1, msg('看得出是一期简报的开头，但找不到栏目和条目（【动态】之类的栏目名称、以句号结束的标题）', 'this looks like the start of an issue, but no sections or items were found (labels like 【动态】, titles ending in a full stop)'), r.report.file);
    }
    moveNotes(draft, r.report);
  } else {
    draft = emptyDraft();
    const section = { label: '动态', items: [] as Draft['sections'][number]['items'], comments: { label: '栏目按“动态”填写，请核对' } };
    for (const r of reads) {
      const part = emptyDraft();
      const item = recogniseItem(r.blocks, r.report.unit, part);
      if (!item) return fail(1, NOT_BULLETIN, r.report.file);
      section.items.push(item);
      moveNotes(part, r.report);
    }
    draft.sections.push(section);
  }

  // What the input did not give is filled in so the file loads; each filling is a guess the editor must see.
  const firstReport = reads[0]!.report;
  if (draft.number === undefined) firstReport.guesses.push({ at: [], message: msg('没有找到期号（第N期），按 1 填写，请改为实际期号', 'no issue number (第N期) found; 1 was written, change it to the real number') });
  if (draft.date === undefined) firstReport.guesses.push({ at: [], message: msg(`没有找到日期，按今天（${day.iso}）填写，请改为印发日期`, `no date found; today (${day.iso}) was written, change it to the date of issue`) });
  if (whole.length === 0) firstReport.guesses.push({ at: [], message: msg('栏目名称按“动态”填写，请核对', 'the section label was written as 动态; please check') });

  // Where the files go: -o (a file, or a folder for the default name), else beside the first input.
  const first = files[0]!;
  const stem = `${path.basename(first, path.extname(first))}.yaml`;
  let target = path.resolve(o.out ?? path.join(path.dirname(first), stem));
  if (o.out && isFolder(target)) target = path.join(target, stem);
  const dir = path.dirname(target);
  if (!isFolder(dir)) return fail(2, msg(`输出文件夹不存在：${dir}`, `the output folder does not exist: ${dir}`));
  if (exists(target)) return fail(1, msg(`${target} 已经存在，不会覆盖；请换一个文件名（-o），或先删除它`, `${target} already exists and is not overwritten; choose another name (-o) or delete it first`));

  let existing = o.series !== undefined ? path.resolve(o.series) : await findSeriesFile(target);
  let overrides: { key: SeriesKey; comment?: string }[] = [];
  let seriesPath: string;
  let seriesText: string | undefined;
  if (existing) {
    const compared = await compareWithSeries(existing, draft.series);
    if ('message' in compared) return fail(1, compared.message, existing);
    overrides = compared.overrides;
    // Found in a folder above, and another bulletin's: this one gets its own beside it (the nearer one wins).
    if (o.series === undefined && path.dirname(existing) !== dir && draft.series.name !== undefined && compared.name !== undefined && compared.name !== draft.series.name) {
      reads[0]!.report.guesses.push({
        at: [],
        message: msg(
          `上级文件夹中的系列文件 ${existing} 是《${compared.name}》的，本期是《${draft.series.name}》，所以在输出文件旁新建系列文件`,
          `the series file above, ${existing}, is for 《${compared.name}》 and this issue is 《${draft.series.name}》, so a new series file is written beside the output`,
        ),
      });
      existing = undefined;
      overrides = [];
    }
  }
  if (existing) {
    seriesPath = existing;
  } else {
    seriesPath = path.join(dir, SERIES_FILE_NAME);
    seriesText = seriesFile(draft, { dir, from: files.map((f) => path.basename(f)) });
  }
  const relSeries = path.relative(dir, seriesPath).split(path.sep).join('/');
  const text = issueFile(draft, {
    dir,
    from: files.map((f) => path.basename(f)),
    seriesRef: o.series !== undefined ? relSeries : undefined,
    seriesName: relSeries,
    overrides,
    today: day.iso,
  });

  try {
    if (seriesText !== undefined) {
      if (exists(seriesPath)) return fail(1, msg(`${seriesPath} 已经存在，不会覆盖`, `${seriesPath} already exists and is not overwritten`));
      writeFileAtomic(seriesPath, Buffer.from(seriesText, 'utf8'));
    }
    try {
      writeFileAtomic(target, Buffer.from(text, 'utf8'));
    } catch (err) {
      // The pair goes in together or not at all.
      if (seriesText !== undefined) unlinkSync(seriesPath);
      throw err;
    }
  } catch (err) {
    if (err instanceof WriteError) return fail(2, err.msg);
    throw err;
  }
  return { exit: 0, issueFile: target, seriesFile: seriesPath, seriesWritten: seriesText !== undefined, draft, overrides, inputs: reads.map((r) => r.report) };
}

/** The recogniser's notes belong to the input they were made on. */
function moveNotes(from: Draft, report: InputReport): void {
  report.guesses.push(...from.guesses.splice(0));
  report.skipped.push(...from.skipped.splice(0));
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Anything at the path, a dangling symlink included: it is not ours to replace. */
function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
