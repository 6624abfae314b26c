/**
 * The import report: the files written, what was recognised (masthead, contents, sections, sources, footer),
 * where the importer guessed, and every piece of input it did not put in the files — with line numbers (text)
 * or paragraph numbers (Word), so the editor can look each one up.
 */
import path from 'node:path';
import type { Lang } from '../diagnostics.js';
import { translator } from '../i18n/lang.js';
import type { ImportResult, InputReport } from './import-files.js';
import { place, type Draft, type Note } from './types.js';

function rel(file: string): string {
  const r = path.relative(process.cwd(), file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : file;
}

function recognised(d: Draft, lang: Lang): string[] {
  const t = translator(lang);
  const s = d.series;
  const out: string[] = [];
  const head: string[] = [];
  if (s.name) head.push(s.seriesLine ? `${s.name}（${s.seriesLine}）` : s.name);
  if (s.securityMark) head.push(s.securityMark);
  if (d.number !== undefined) head.push(t(`第 ${d.number} 期${d.yearNumber !== undefined ? `（年度第 ${d.yearNumber} 期）` : ''}`, `no. ${d.number}${d.yearNumber !== undefined ? ` (${d.yearNumber} in the year)` : ''}`));
  if (d.date) head.push(d.date);
  if (s.offices?.length) head.push(t(`编发单位 ${s.offices.length} 个`, `${s.offices.length} issuing office(s)`));
  if (head.length > 0) out.push(t(`报头：${head.join('；')}`, `masthead: ${head.join('; ')}`));
  for (const m of d.recognised) out.push(m[lang]);
  const items = d.sections.reduce((n, sec) => n + sec.items.length, 0);
  const sources = d.sections.reduce((n, sec) => n + sec.items.filter((i) => i.source !== undefined).length, 0);
  const titles = d.sections.reduce((n, sec) => n + sec.items.filter((i) => i.title !== undefined).length, 0);
  out.push(
    t(
      `栏目：${d.sections.map((sec) => `【${sec.label}】${sec.items.length} 条`).join('、')}；共 ${items} 条，标题 ${titles} 个，来源 ${sources} 个`,
      `sections: ${d.sections.map((sec) => `【${sec.label}】 ${sec.items.length}`).join(', ')}; ${items} items, ${titles} titles, ${sources} sources`,
    ),
  );
  const foot: string[] = [];
  if (s.distribution?.length) foot.push(s.distribution.map((l) => l.label).join('、'));
  if (s.editors?.length) foot.push(t(`责任编辑 ${s.editors.join('、')}`, `editors ${s.editors.join(', ')}`));
  if (s.printCount !== undefined) foot.push(t(`共印 ${s.printCount} 份`, `${s.printCount} copies`));
  if (s.serial) foot.push(t(`编号 ${s.serial}`, `serial ${s.serial}`));
  if (foot.length > 0) out.push(t(`报尾：${foot.join('；')}`, `footer: ${foot.join('; ')}`));
  return out;
}

function notes(input: InputReport, list: Note[], lang: Lang): string[] {
  const sorted = [...list].sort((a, b) => (a.at[0] ?? 0) - (b.at[0] ?? 0));
  return sorted.map((n) => {
    const where = n.at.length > 0 ? ` ${place(input.unit, n.at)[lang]}` : '';
    return `  ${rel(input.file)}${where}${lang === 'zh' ? '：' : ': '}${n.message[lang]}`;
  });
}

export function formatReport(r: Extract<ImportResult, { exit: 0 }>, lang: Lang): string {
  const t = translator(lang);
  const lines: string[] = [];
  const inputs = r.inputs.map((i) => t(`${rel(i.file)}（${i.kind}${i.whole ? '，完整的一期' : ''}）`, `${rel(i.file)} (${i.kind}${i.whole ? ', a whole issue' : ''})`)).join(t('、', ', '));
  lines.push(t(`✓ 已导入 ${inputs}`, `✓ imported ${inputs}`));
  lines.push(t(`  简报文件：${rel(r.issueFile)}`, `  issue file: ${rel(r.issueFile)}`));
  lines.push(
    r.seriesWritten
      ? t(`  系列文件：${rel(r.seriesFile)}（名称、编发单位、报尾等各期共用的设置）`, `  series file: ${rel(r.seriesFile)} (name, offices, footer and other shared settings)`)
      : t(`  系列文件：沿用 ${rel(r.seriesFile)}，没有改动`, `  series file: ${rel(r.seriesFile)} is used as it is, unchanged`),
  );
  lines.push(t('识别出：', 'recognised:'), ...recognised(r.draft, lang).map((l) => `  ${l}`));
  if (r.overrides.length > 0) {
    lines.push(t('与系列文件不同、写在简报文件中的设置：', 'settings that differ from the series file, written in the issue file:'));
    for (const o of r.overrides) lines.push(`  ${o.key}${o.comment ? t(`（${o.comment}）`, ` (${o.comment})`) : ''}`);
  }
  const guesses = r.inputs.flatMap((i) => notes(i, i.guesses, lang));
  if (guesses.length > 0) lines.push(t('推断的地方（文件中也用 # 注释标出，请核对）：', 'guesses (also marked with # comments in the file; please check):'), ...guesses);
  const skipped = r.inputs.flatMap((i) => notes(i, i.skipped, lang));
  lines.push(skipped.length > 0 ? t('没有导入：', 'not imported:') : t('没有导入的内容：无', 'not imported: nothing'), ...skipped);
  lines.push(t(`下一步：bulletin check ${rel(r.issueFile)}，然后 bulletin build ${rel(r.issueFile)}`, `next: bulletin check ${rel(r.issueFile)}, then bulletin build ${rel(r.issueFile)}`));
  return `${lines.join('\n')}\n`;
}
