/**
 * The draft as the project's own YAML, written by hand rather than by a serialiser so it reads like the examples:
 * the schema line first, bodies as `|` blocks with a blank line between paragraphs, and a `# …` comment beside
 * every value the importer guessed, naming the line or paragraph it came from.
 */
import { PLACEHOLDER } from '../check/rules/placeholder.js';
import { schemaPath } from '../io/package-paths.js';
import { yamlScalar } from '../issue/yaml-scalar.js';
import type { Draft, DraftItem, DraftSection, DraftSeries, SeriesKey } from './types.js';

/** A comment after a value; `#` needs a space before it, and a comment is one line. */
function tail(comment: string | undefined): string {
  return comment ? `  # ${comment.replace(/\s*\n\s*/g, ' ')}` : '';
}

/** A `|` block: one line per paragraph, a blank line between paragraphs, indented under its key. */
function block(paragraphs: string[], indent: string): string {
  return paragraphs.map((p) => `${indent}${p.replace(/\s*\n\s*/g, '')}`).join('\n\n');
}

function item(it: DraftItem): string {
  const out: string[] = [];
  let first = true;
  const line = (key: string, value: string) => {
    out.push(`${first ? '      - ' : '        '}${key}: ${value}`);
    first = false;
  };
  if (it.title !== undefined) line('title', yamlScalar(it.title) + tail(it.comments.title));
  if (it.note !== undefined) line('note', yamlScalar(it.note) + tail(it.comments.note));
  line('body', `|${tail(it.comments.body)}\n${block(it.paragraphs, '          ')}`);
  if (it.source !== undefined) line('source', yamlScalar(it.source) + tail(it.comments.source));
  return out.join('\n');
}

function section(s: DraftSection): string {
  const out = [`  - label: ${yamlScalar(s.label)}${tail(s.comments.label)}`];
  if (s.comment) out.push(`    # ${s.comment}`);
  if (s.numbered === false) out.push('    numbered: false');
  if (s.listed === false) out.push('    listed: false');
  if (s.style) out.push(`    style: ${s.style}`);
  out.push('    items:', ...s.items.map(item));
  return out.join('\n');
}

/** One series setting as YAML lines (top level), with a comment when given. */
export function settingLines(key: SeriesKey, series: DraftSeries, comment?: string): string[] {
  const value = series[key];
  if (value === undefined) return [];
  const c = tail(comment);
  switch (key) {
    case 'offices':
    case 'editors':
      return [`${key}:${c}`, ...(value as string[]).map((v) => `  - ${yamlScalar(v)}`)];
    case 'distribution':
      return [`${key}:${c}`, ...series.distribution!.flatMap((d) => [`  - label: ${yamlScalar(d.label)}`, `    recipients: ${yamlScalar(d.recipients)}`])];
    case 'printCount':
      return [`${key}: ${value}${c}`];
    default:
      return [`${key}: ${yamlScalar(String(value))}${c}`];
  }
}

export interface IssueFileOptions {
  /** Where the file goes (the schema path is relative to its folder). */
  dir: string;
  /** Input names, for the header comment. */
  from: string[];
  /** `series:` to write (relative path), when the series file is named rather than found. */
  seriesRef?: string;
  /** The series file the settings are in, for the header comment (relative). */
  seriesName?: string;
  /** Settings written in the issue file itself (differences from an existing series file), with their comments. */
  overrides: { key: SeriesKey; comment?: string }[];
  /** Today, for a date the input did not give. */
  today: string;
}

export function issueFile(d: Draft, o: IssueFileOptions): string {
  const out = [
    `# yaml-language-server: $schema=${schemaPath(o.dir, 'bulletin.schema.json')}`,
    `# 由 bulletin import 从 ${o.from.join('、')} 导入。行尾以 # 开头的说明标出导入时推断的地方，核对后可以删去；`,
    `# 没有导入的内容见导入时的报告。${o.seriesName ? `各期共用的设置（名称、编发单位、报尾等）在 ${o.seriesName} 中。` : ''}`,
  ];
  if (o.seriesRef) out.push(`series: ${yamlScalar(o.seriesRef)}`);
  if (o.overrides.length > 0) {
    out.push('', '# 与系列文件不同的设置，只用于这一期：');
    for (const { key, comment } of o.overrides) out.push(...settingLines(key, d.series, comment));
  }
  out.push('');
  out.push(d.number !== undefined ? `number: ${d.number}${tail(d.comments.number)}` : `number: 1  # 没有找到期号，按 1 填写：请改为实际期号`);
  if (d.yearNumber !== undefined) out.push(`yearNumber: ${d.yearNumber}`);
  out.push(d.date !== undefined ? `date: ${d.date}${tail(d.comments.date)}` : `date: ${o.today}  # 没有找到日期，按今天填写：请改为印发日期`);
  out.push('', 'sections:', d.sections.map(section).join('\n\n'), '');
  return out.join('\n');
}

export interface SeriesFileOptions {
  dir: string;
  from: string[];
}

/** A new series file with what the input showed; the two required settings it did not show as placeholders. */
export function seriesFile(d: Draft, o: SeriesFileOptions): string {
  const s = d.series;
  const out = [
    `# yaml-language-server: $schema=${schemaPath(o.dir, 'bulletin.series.schema.json')}`,
    `# ${s.name ? `《${s.name}》` : '本系列'}各期共用的设置，由 bulletin import 从 ${o.from.join('、')} 导入。每期的文件只写期号、日期和栏目；`,
    '# 这里的任何一项都可以在某一期中覆盖（映射逐键合并，列表整体替换）。',
    '',
  ];
  const filled: DraftSeries = {
    ...s,
    name: s.name ?? `${PLACEHOLDER}信息`,
    offices: s.offices && s.offices.length > 0 ? s.offices : [`${PLACEHOLDER}编发单位`],
  };
  out.push(...settingLines('name', filled, s.name ? undefined : '没有找到简报名称'));
  out.push(...settingLines('seriesLine', filled));
  out.push(...settingLines('offices', filled, s.offices?.length ? undefined : '没有找到编发单位'));
  out.push(...settingLines('securityMark', filled));
  for (const key of ['distribution', 'editors', 'printCount', 'serial'] as const) out.push(...settingLines(key, filled));
  if (!s.distribution && !s.editors) out.push('# 没有找到报尾。报送范围和责任编辑的写法：', '# distribution:', '#   - { label: 送, recipients: 区四套班子主要领导 }', '# editors: [张三]');
  out.push('');
  return out.join('\n');
}
