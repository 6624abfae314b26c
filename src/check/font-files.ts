/**
 * What `check` and `build` say about the font files themselves (one wording for both, and `fonts` prints the same
 * notes): a file the series names by path in `fonts:` or `fontPaths:` that cannot be used is an error at that
 * setting — the editor asked for that very file, and a bulletin in the wrong face must not go out; any other font
 * file that cannot be read completely (a damaged simfang.ttf dropped in fonts/) is a warning naming it, and the next
 * candidate serves its role.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { FontFileProblem, RoleReport } from '../fonts/roles.js';
import type { Issue, SourceMap } from '../issue/model.js';
import type { YamlSourceMap } from '../issue/source-map.js';

type Positions = SourceMap & Pick<YamlSourceMap, 'nodePosition' | 'locate'>;

export function fontFileDiagnostics(issue: Issue, report: RoleReport[], problems: FontFileProblem[], sources: Positions, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byFile = new Map(problems.map((p) => [p.file, p]));
  const explained = new Set<string>();
  /** The `fonts.<role>` (or `fontPaths`) setting where it is set: the issue's overrides its series file's. */
  const settingAt = (p: (string | number)[]): { file: string; line: number; column: number } => {
    for (const f of [file, issue.series.seriesFile].filter((x): x is string => !!x)) {
      if (sources.locate(f, p).depth === p.length) return { file: f, ...sources.nodePosition(f, p) };
    }
    return { file, line: 1, column: 1 };
  };
  for (const r of report) {
    for (const entry of issue.series.fonts[r.role] ?? []) {
      if (!path.isAbsolute(entry)) continue; // names, not paths (normalize resolves paths to absolute)
      if (r.chain.some((c) => c.file === entry)) continue;
      const why = byFile.get(entry)?.error.msg;
      explained.add(entry);
      out.push({
        ...settingAt(['fonts', r.role]),
        severity: 'error',
        rule: 'font-unusable',
        message: why
          ? { zh: `${r.role} 字体：配置的字体文件不能使用：${why.zh}；请换一个完好的字体文件`, en: `${r.role} font: the configured font file cannot be used: ${why.en}; use an undamaged copy` }
          : { zh: `${r.role} 字体：配置的字体文件不可用（不存在、不是字体文件或已损坏）：${entry}`, en: `${r.role} font: the configured font file is not usable (missing, not a font, or damaged): ${entry}` },
      });
    }
  }
  for (const p of problems) {
    if (explained.has(p.file)) continue;
    if (p.configured) {
      out.push({ ...settingAt(['fontPaths']), severity: 'error', rule: 'font-unusable', message: { zh: `fontPaths 中的字体文件不能使用：${p.error.msg.zh}`, en: `a font file in fontPaths cannot be used: ${p.error.msg.en}` } });
      continue;
    }
    const then = p.roles.length > 0 ? { zh: '；已改用下一个字体', en: '; the next font is used instead' } : { zh: '', en: '' };
    out.push({ file: p.file, line: 1, column: 1, severity: 'warning', rule: 'font-damaged', message: { zh: `${p.error.msg.zh}，已跳过${then.zh}`, en: `${p.error.msg.en}; skipped${then.en}` } });
  }
  return out;
}
