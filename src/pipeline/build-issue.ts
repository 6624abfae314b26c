/**
 * One issue file → one PDF on disk (and, asked, a .docx beside it): load and validate, compose, resolve fonts, lay
 * out, render, write atomically. Every failure comes back as a Diagnostic; nothing is written unless the whole build
 * succeeded.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { loadIssue } from '../issue/load.js';
import type { Issue, SourceMap } from '../issue/model.js';
import { isFontError, type FontError } from '../fonts/errors.js';
import { describeRoles, resolveFonts, type RoleReport } from '../fonts/roles.js';
import { composeIssue } from '../compose/index.js';
import type { DocInfoText } from '../compose/doc.js';
import { typesetDoc } from '../typeset/layout.js';
import type { LayoutCache } from '../typeset/layout-cache.js';
import type { Layout, MissingChar } from '../typeset/types.js';
import { renderPdf, type DocInfo } from '../render/pdf.js';
import { prepareImages, type ImageCache } from './images.js';
import { WriteError, writeFileAtomic } from '../io/write-atomic.js';
import { outputProblem } from '../io/output-guard.js';
import { checkIssue } from '../check/run.js';
import { rules as allRules } from '../check/rules/index.js';
import { placeholder } from '../check/rules/placeholder.js';
import { decorationDoubled } from '../check/rules/decoration-doubled.js';
import { titleSentence } from '../check/rules/title-sentence.js';
import { paragraphIndent } from '../check/rules/paragraph-indent.js';
import { fontFileDiagnostics } from '../check/font-files.js';
import { pinnedToday } from '../issue/today.js';
import { parseDate } from '../issue/dates.js';
import { codePointLabelOf } from '../text/chars.js';

export interface BuildOptions {
  /** Output path; default: the issue file with .pdf. */
  output?: string;
  /** Build even when a character has no font (it shows as a blank box), with a warning instead of an error. */
  allowMissingGlyphs?: boolean;
  /**
   * Run the editorial rules of `bulletin check` (those that look at one issue) and build only when none reports an
   * error. Without it only `placeholder` runs, and its findings are warnings: a draft still builds, but not silently.
   */
  strict?: boolean;
  /** The environment (SOURCE_DATE_EPOCH). */
  env?: NodeJS.ProcessEnv;
  /** Set paragraphs kept from earlier builds in this process (the watch path); none for a one-off build. */
  layoutCache?: LayoutCache;
  /** Photos prepared for print by earlier builds in this process (the watch path). */
  imageCache?: ImageCache;
  /** Also write the issue as an editable Word file beside the PDF (the same name, .docx). */
  docx?: boolean;
}

export interface BuildResult {
  ok: boolean;
  file: string;
  output?: string;
  /** The .docx written beside the PDF, when asked for. */
  docx?: string;
  diagnostics: Diagnostic[];
  fonts?: RoleReport[];
  pages?: number;
  /** The files the build read (issue, series file, font files): what `build --watch` watches. */
  inputs?: string[];
}

export function defaultOutput(file: string): string {
  return file.replace(/\.ya?ml$/i, '') + '.pdf';
}

/** The .docx beside a PDF: its name with .docx for .pdf (or added, when the PDF's name has no .pdf). */
export function docxOutput(pdf: string): string {
  return pdf.replace(/\.pdf$/i, '') + '.docx';
}

/** The files a successful build wrote, the PDF first. */
export const writtenFiles = (r: BuildResult): string[] => [r.output, r.docx].filter((f): f is string => !!f);

export async function buildIssue(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const abs = path.resolve(file);
  const loaded = await loadIssue(abs);
  const diagnostics = [...loaded.diagnostics];
  const issue = loaded.issue;
  // Also when the series file is broken: a watcher must see it mended.
  const read = [...new Set(loaded.files.map((f) => path.resolve(f)))];
  const fail = (...more: Diagnostic[]): BuildResult => ({ ok: false, file: abs, diagnostics: [...diagnostics, ...more], inputs: read });
  if (!issue || diagnostics.some((d) => d.severity === 'error')) return fail();
  diagnostics.push(...editorial(issue, loaded.sources, abs, options));
  if (diagnostics.some((d) => d.severity === 'error')) return fail();

  const output = path.resolve(options.output ?? defaultOutput(abs));
  const docxFile = options.docx ? docxOutput(output) : undefined;
  for (const out of [output, docxFile]) {
    const refused = out && outputProblem(out, read, out === docxFile ? 'docx' : 'pdf');
    if (refused) return fail(at(abs, 'build-output', refused.message));
  }

  const doc = composeIssue(issue);
  // A font file that fails only while it is used (a damaged glyph or layout table the up-front check does not
  // read) is set aside like one found damaged before, and the issue set again with the next candidate.
  const exclude = new Map<string, FontError>();
  let fonts: Awaited<ReturnType<typeof resolveFonts>>;
  let layout: Layout;
  let bytes: Buffer;
  let info: DocInfo;
  let images: Map<string, Buffer> = new Map();
  for (;;) {
    try {
      fonts = await resolveFonts(issue.series, path.dirname(abs), undefined, { exclude });
      for (const r of fonts.report) if (!read.includes(r.file)) read.push(r.file);
      layout = typesetDoc(doc, fonts.fonts, options.layoutCache);
      // The font files are inputs too (known only now); checked again before anything is written.
      for (const out of [output, docxFile]) {
        const overFont = out && outputProblem(out, read, out === docxFile ? 'docx' : 'pdf');
        if (overFont) return fail(at(abs, 'build-output', overFont.message));
      }
      const found = [...fontFileDiagnostics(issue, fonts.report, fonts.problems, loaded.sources, abs), ...missingGlyphs(layout.missing, loaded.sources, abs, options.allowMissingGlyphs ?? false)];
      if (found.some((d) => d.severity === 'error')) return fail(...found);
      info = docInfo(doc.info, describeRoles(fonts.report), options.env ?? process.env);
      const prepared = await prepareImages(layout, issue, loaded.sources, options.imageCache);
      if (prepared.diagnostics.length > 0) return fail(...prepared.diagnostics);
      images = prepared.images;
      bytes = await renderPdf(layout, info, prepared.images);
      diagnostics.push(...found);
      break;
    } catch (e) {
      if (!isFontError(e)) throw e;
      if (exclude.has(e.file) || !canSkip(e.file, fonts!)) return fail(at(e.file, e.code, e.msg));
      exclude.set(e.file, e);
    }
  }
  // Both files are made before either is written, so a build that fails writes neither.
  const files: [string, Uint8Array][] = [[output, bytes]];
  if (docxFile) {
    // Loaded only when asked for: docx.js is as large as the rest of the build, and most builds make no .docx.
    const { docxFonts, writeDocx } = await import('../docx/index.js');
    files.push([docxFile, await writeDocx(doc, { fonts: docxFonts(issue.series.fonts), date: info.creationDate, images })]);
  }
  for (const [out, data] of files) {
    try {
      writeFileAtomic(out, data);
    } catch (e) {
      if (e instanceof WriteError) return fail(at(out, 'io', e.msg));
      throw e;
    }
  }
  const result: BuildResult = { ok: true, file: abs, output, diagnostics, fonts: fonts.report, pages: layout.pages.length, inputs: read };
  if (docxFile) result.docx = docxFile;
  return result;
}

/**
 * Whether a face that failed in use may be passed over for the next candidate: not a file the series names by path
 * (the build stops, as for one found damaged up front), and not the npm stand-in that ends every chain.
 */
function canSkip(file: string, fonts: Awaited<ReturnType<typeof resolveFonts>> | undefined): boolean {
  if (!fonts) return false;
  const faces = fonts.report.flatMap((r) => r.chain).filter((c) => c.file === file);
  return faces.length > 0 && faces.every((c) => c.origin !== 'npm' && c.origin !== 'config');
}

/** What a build without --strict still warns about: template text left in, marks that would print twice, typed indents. */
const WARNED = [placeholder, decorationDoubled, titleSentence, paragraphIndent];

/**
 * What `bulletin check` would say about this one issue: only the placeholders (【待填写】, TODO) and what would print
 * doubled (decoration-doubled, title-sentence), as warnings, or —
 * with `strict` — every rule that needs no other issue, at the severity the series file gives it. Font coverage is
 * left to the build, which checks the glyphs it actually sets.
 */
function editorial(issue: Issue, sources: SourceMap, file: string, options: BuildOptions): Diagnostic[] {
  if (!options.strict) {
    return checkIssue(issue, sources, { rules: WARNED }).diagnostics.map((d) => ({ ...d, severity: 'warning' as const }));
  }
  const pinned = pinnedToday(options.env ?? process.env);
  if ('error' in pinned) return [at(file, 'bulletin-today', pinned.message)];
  return checkIssue(issue, sources, { ...pinned, rules: allRules.filter((r) => r.id !== 'font-coverage') }).diagnostics;
}

function at(file: string, rule: string, message: Diagnostic['message'], line = 1, column = 1): Diagnostic {
  return { file, line, column, severity: 'error', rule, message };
}

/**
 * One diagnostic per distinct character, at its first place that has a source position (text laid out without
 * one, such as the contents' copy of a title, comes first on the page); the rest are counted in the message.
 */
function missingGlyphs(missing: MissingChar[], sources: SourceMap, file: string, allow: boolean): Diagnostic[] {
  // One diagnostic per character, at its first place in the file; the count is of distinct places (a title is
  // set twice, in the contents and in the body, but written once).
  const seen = new Map<number, { m: MissingChar; places: Set<string> }>();
  for (const m of missing) {
    const place = m.ref ? `${m.ref.file}\u0000${m.ref.path.join('\u0000')}\u0000${m.ref.at ? `${m.ref.at.line}:${m.ref.at.column}` : ''}\u0000${m.offset ?? 0}` : '';
    const s = seen.get(m.codePoint);
    if (!s) seen.set(m.codePoint, { m, places: new Set(place ? [place] : []) });
    else {
      if (!s.m.ref && m.ref) s.m = m;
      if (place) s.places.add(place);
    }
  }
  return [...seen.values()].map(({ m, places }) => {
    const count = places.size;
    const cp = codePointLabelOf(m.codePoint);
    // The source map adds the paragraph's own offset within its scalar.
    const pos = m.ref ? safePosition(sources, m.ref, m.offset ?? 0) : { line: 1, column: 1 };
    const more = count > 1 ? { zh: `（共 ${count} 处）`, en: ` (${count} places)` } : { zh: '', en: '' };
    const then = allow
      ? { zh: '；已按 --allow-missing-glyphs 继续，PDF 中显示为空框', en: '; built anyway (--allow-missing-glyphs), it shows as an empty box' }
      : { zh: '；请换用其他字，或在系列设置 fonts 中加入含有它的字体（或用 --allow-missing-glyphs 仍然生成）', en: '; use another character, add a font that has it to the series `fonts`, or build anyway with --allow-missing-glyphs' };
    return {
      file: m.ref?.file ?? file,
      ...pos,
      severity: allow ? 'warning' : 'error',
      rule: 'font-missing-glyph',
      message: {
        zh: `字符“${m.char}”（${cp}）在任何可用字体中都没有${more.zh}${then.zh}`,
        en: `no available font has the character "${m.char}" (${cp})${more.en}${then.en}`,
      },
    } satisfies Diagnostic;
  });
}

function safePosition(sources: SourceMap, ref: MissingChar['ref'] & object, offset: number): { line: number; column: number } {
  try {
    return sources.position(ref, offset);
  } catch {
    return { line: 1, column: 1 };
  }
}

/** Metadata; the date is the issue's (or SOURCE_DATE_EPOCH), never the clock, so builds are reproducible. */
export function docInfo(info: DocInfoText, fonts: Record<string, string>, env: NodeJS.ProcessEnv): DocInfo {
  const epoch = env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH) ? Number(env.SOURCE_DATE_EPOCH) * 1000 : undefined;
  const d = parseDate(info.date)!;
  const date = epoch !== undefined ? new Date(epoch) : new Date(Date.UTC(d.year, d.month - 1, d.day));
  return {
    title: info.title,
    author: info.author,
    subject: info.subject,
    keywords: info.keywords,
    creationDate: date,
    lang: info.lang,
    creator: 'bulletin',
    fonts,
  };
}
