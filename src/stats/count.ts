/**
 * Scoring: the credits each item of an issue gives its source units, by the issue's own settings (`stats:` and
 * `sources` of its series, as overridden in the issue), and the warnings an editor should see — a unit not in the
 * list, an item without a source, a mark with no points set — each at its place in the file.
 */
import type { Diagnostic } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import type { Issue, Item, SourceMap, Text } from '../issue/model.js';
import { contentsTitle } from '../compose/wording.js';
import { sourceUnits } from '../issue/source-names.js';
import type { Credit, MultiSource } from './types.js';

/** Points an item is worth when its section has none set (the issue's "a sensible default"). */
export const DEFAULT_POINTS = 1;
export const DEFAULT_MULTI_SOURCE: MultiSource = 'each';

export interface Counted {
  credits: Credit[];
  warnings: Diagnostic[];
}

function warning(sources: SourceMap, text: Text | undefined, item: Item, offset: number, rule: string, zh: string, en: string): Diagnostic {
  const at = text ?? item.title ?? item.paragraphs[0];
  const pos = at ? sources.position(at.ref, offset) : { line: 1, column: 1 };
  return { file: (at ?? item).ref.file, ...pos, severity: 'warning', rule, message: msg(zh, en) };
}

/** Every credit of one issue, in reading order, and the warnings about its sources and marks. */
export function countIssue(issue: Issue, sources: SourceMap): Counted {
  const settings = issue.series.stats ?? {};
  const multiSource = settings.multiSource ?? DEFAULT_MULTI_SOURCE;
  const credits: Credit[] = [];
  const warnings: Diagnostic[] = [];
  for (const section of issue.sections) {
    const base = settings.points && Object.hasOwn(settings.points, section.label) ? settings.points[section.label]! : DEFAULT_POINTS;
    for (const item of section.items) {
      let itemPoints = base + (item.extraPoints ?? 0);
      for (const mark of item.marks ?? []) {
        const value = settings.marks && Object.hasOwn(settings.marks, mark.text) ? settings.marks[mark.text] : undefined;
        if (value !== undefined) itemPoints += value;
        else {
          warnings.push(
            warning(
              sources,
              mark,
              item,
              0,
              'stats-mark-unknown',
              `标记“${mark.text}”在系列设置的 stats.marks 中没有分值，这一条不因它加分；在 stats.marks 中写上它的分值（如 ${mark.text}: 3）`,
              `the mark "${mark.text}" has no points in the series' stats.marks, so it adds none; give it points there (e.g. ${mark.text}: 3)`,
            ),
          );
        }
      }
      const title = item.title?.text ?? contentsTitle(item.paragraphs[0]?.text ?? '').text;
      const written = item.source?.text.trim() ?? '';
      const units = item.source ? sourceUnits(item.source.text, issue.series) : [];
      const common = { issue, section, item, title, written, itemPoints, multiSource, marks: (item.marks ?? []).map((m) => m.text) };
      if (units.length === 0) {
        credits.push({ ...common, unit: '', points: itemPoints });
        warnings.push(
          warning(
            sources,
            undefined,
            item,
            0,
            'stats-source-missing',
            `这一条没有注明来源，不计入任何单位（列在“未注明来源”一行）`,
            `this item names no source, so no unit is credited with it (it is listed in the "no source" row)`,
          ),
        );
        continue;
      }
      const share = multiSource === 'split' ? itemPoints / units.length : itemPoints;
      for (const u of units) {
        credits.push({ ...common, unit: u.name, ...(u.known !== undefined ? { known: u.known } : {}), points: share });
        if (u.known === false) {
          warnings.push(
            warning(
              sources,
              item.source,
              item,
              u.offset,
              'stats-source-unknown',
              `来源“${u.written}”不在系列设置的 sources 列表中，单独统计为一个单位；若它是某个单位的另一种写法，在 sources 中写成 { name: 单位名称, aliases: [${u.written}] }`,
              `the source "${u.written}" is not in the series' sources list, so it is counted as a unit of its own; if it is another way of writing a unit, list it there as { name: <unit>, aliases: [${u.written}] }`,
            ),
          );
        }
      }
    }
  }
  return { credits, warnings };
}
