/**
 * `bulletin fonts [ISSUE.yaml]`: which file serves each of the five roles (official, configured or stand-in),
 * and — with an issue — which of its characters no face of the role has (they would print as blank boxes).
 */
import path from 'node:path';
import type { Diagnostic, Lang, Message } from '../diagnostics.js';
import type { FontRole, FontSettings, Issue, SeriesSettings } from '../issue/model.js';
import { DEFAULT_FONTS } from '../issue/defaults.js';
import { ROLE_ZH } from '../issue/font-roles.js';
import { codePointLabelOf } from '../text/chars.js';
import { MAX_ALIAS_COUNT } from '../issue/parse.js';
import { translator } from '../i18n/lang.js';
import { composeIssue } from '../compose/index.js';
import { textByRole } from '../compose/texts.js';


/**
 * The `fonts:` and `fontPaths:` of a validated series file as the loader would give them to a build: a role that
 * is set replaces its default candidates; paths stay relative, for resolveFonts resolves them against the series
 * file's folder.
 */
export function seriesFonts(data: { fonts?: Record<string, string | string[]>; fontPaths?: string[] }): Pick<SeriesSettings, 'fonts' | 'fontPaths'> {
  const fonts: FontSettings = { ...DEFAULT_FONTS };
  for (const role of Object.keys(DEFAULT_FONTS) as FontRole[]) {
    const v = data.fonts?.[role];
    if (v !== undefined) fonts[role] = Array.isArray(v) ? v.map(String) : [String(v)];
  }
  return { fonts, fontPaths: (data.fontPaths ?? []).map(String) };
}

export async function fontsReport(issueFile: string | undefined, lang: Lang, cwd = process.cwd()): Promise<number> {
  const t = translator(lang);
  let settings: Pick<SeriesSettings, 'fonts' | 'fontPaths' | 'seriesFile'> = { fonts: DEFAULT_FONTS, fontPaths: [] };
  let issueDir = cwd;
  let issue: Issue | undefined;
  const { isSeriesFileName } = await import('../issue/inputs.js');
  const cannotRead = async (diagnostics: Diagnostic[], what: Message): Promise<number> => {
    const { formatStylish } = await import('../check/formats/stylish.js');
    process.stderr.write(formatStylish(diagnostics, lang, 1));
    process.stderr.write(`${t('bulletin fonts：', 'bulletin fonts: ')}${what[lang]}\n`);
    return diagnostics.some((d) => d.rule === 'io') ? 2 : 1;
  };
  if (issueFile && !isSeriesFileName(issueFile)) {
    const { loadIssue } = await import('../issue/load.js');
    const loaded = await loadIssue(path.resolve(cwd, issueFile));
    if (!loaded.issue) {
      return cannotRead(loaded.diagnostics, { zh: '这一期无法读取，先用 bulletin check 修正上面的问题', en: 'the issue cannot be read; fix the problems above (bulletin check)' });
    }
    issue = loaded.issue;
    settings = issue.series;
    issueDir = path.dirname(issue.file);
  } else {
    // Without an issue: the series file named (bulletin fonts bulletin.series.yaml), or the one the current
    // folder would use, decides the configured fonts — read and checked as a build would.
    const { findSeriesFile } = await import('../issue/series.js');
    const seriesFile = issueFile ? path.resolve(cwd, issueFile) : await findSeriesFile(path.join(cwd, 'issue.yaml'));
    if (seriesFile) {
      const { loadSeries } = await import('../issue/load.js');
      const loaded = await loadSeries(seriesFile);
      if (loaded.diagnostics.some((d) => d.severity === 'error')) {
        return cannotRead(loaded.diagnostics, { zh: `系列设置文件 ${seriesFile} 有问题，先用 bulletin check 修正上面的问题`, en: `the series file ${seriesFile} has problems; fix them first (bulletin check)` });
      }
      const { formatFindings } = await import('../check/formats/findings.js');
      process.stderr.write(formatFindings(loaded.diagnostics, lang));
      const data = (loaded.documents.get(seriesFile)?.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as { fonts?: Record<string, string | string[]>; fontPaths?: string[] };
      settings = { ...seriesFonts(data), seriesFile };
      if (issueFile) issueDir = path.dirname(seriesFile);
    }
  }
  const { resolveFonts, faceKind } = await import('../fonts/roles.js');
  const { uncovered } = await import('../fonts/coverage.js');
  const { fonts, report } = await resolveFonts(settings, issueDir);
  const out: string[] = [];
  for (const r of report) {
    const kind = faceKind(r)[lang];
    const head = lang === 'zh' ? `${ROLE_ZH[r.role]}（${r.role}）` : `${r.role} (${ROLE_ZH[r.role]})`;
    out.push(`${head}  ${r.postscriptName}  [${kind}]`);
    out.push(`    ${r.file}`);
    for (const n of r.notes) out.push(`    ${n[lang]}`);
  }
  let missing = 0;
  if (issue) {
    out.push('');
    // The texts of the composed document: what the build sets, in the roles it sets them in (as `check` sees them).
    const texts = textByRole(composeIssue(issue));
    for (const r of report) {
      const seen = new Map<string, number>();
      for (const u of uncovered(fonts[r.role], texts[r.role])) seen.set(u.char, u.codePoint);
      if (seen.size === 0) continue;
      missing += seen.size;
      const list = [...seen].map(([c, cp]) => `“${c}”(${codePointLabelOf(cp)})`).join(' ');
      out.push(t(`${ROLE_ZH[r.role]}：没有字体包含 ${list}`, `${r.role}: no font has ${list}`));
    }
    out.push(
      missing === 0
        ? t('✓ 这一期的每个字都有字体可用', '✓ every character of this issue is in a font')
        : t(`✖ ${missing} 个字没有任何字体包含，会排成空白；请安装包含这些字的字体，或改用常用字`, `✖ ${missing} character(s) are in no font and would print blank; install a font that has them or rephrase`),
    );
  }
  if (report.some((r) => r.standIn)) {
    out.push(t('提示：替代字体排出的版式相同，但字形与正式印发的简报不同；正式字体的放法见 fonts/README.md', 'Note: stand-ins keep the layout but not the official look; see fonts/README.md for where to put the official fonts'));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return missing > 0 ? 1 : 0;
}
