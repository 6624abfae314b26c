/**
 * source-unknown: when the series lists its known sources, each unit an item's source names should be one of them
 * (typos), by name or alias; a joint source (区发改局、区商务局) is read unit by unit (src/issue/source-names.ts).
 */
import { sourceUnits } from '../../issue/source-names.js';
import type { Rule } from './types.js';
import { items } from './texts.js';

export const sourceUnknown: Rule = {
  id: 'source-unknown',
  defaultSeverity: 'warning',
  fixable: false,
  description: { zh: '来源应在系列设置的来源列表中', en: 'Sources come from the series list' },
  messages: (d) => ({
    zh: `来源“${d.source}”不在系列设置的来源列表中${d.suggestion ? `，是否应为“${d.suggestion}”？` : ''}`,
    en: `source "${d.source}" is not in the series' list of sources${d.suggestion ? `; did you mean "${d.suggestion}"?` : ''}`,
  }),
  check: (ctx) => {
    const known = ctx.issue.series.sources;
    if (known.length === 0) return [];
    const names = [...known, ...Object.keys(ctx.issue.series.sourceAliases ?? {})];
    return items(ctx.issue).flatMap(({ item }) => {
      const source = item.source;
      if (!source) return [];
      return sourceUnits(source.text, ctx.issue.series)
        .filter((u) => u.known === false)
        .map((u) => ({ at: { text: source, ref: source.ref }, offset: u.offset, data: { source: u.written, suggestion: nearest(u.written, names) ?? '' } }));
    });
  },
};

/** The closest known source within a small edit distance, for "did you mean". */
function nearest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(1, Math.floor([...name].length / 3)) + 1;
  for (const k of known) {
    const d = distance([...name], [...k]);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

function distance(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
