/**
 * The placeholder text `bulletin new` and `bulletin init` leave where the editor has to write, and the editorial
 * rule that finds it. A template item is valid YAML for the schema (so `check` gets past validation and says
 * exactly what is left to do) but can never be mistaken for finished content.
 */
import type { Rule } from '../check/rules/types.js';
import { textsOf } from '../check/rules/texts.js';

export const PLACEHOLDER = '【待填写】';

/** Markers an editor may also have typed: TODO / FIXME / 待填写 / 待补充. */
const MARKERS = /【待填写】|【待补充】|\bTODO\b|\bFIXME\b/gu;

export const placeholder: Rule = {
  id: 'placeholder',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '不能留有模板占位文字（【待填写】、TODO）', en: 'No template placeholders (【待填写】, TODO) are left' },
  messages: (d) => ({
    zh: `这里还是模板占位文字“${d.marker}”：请填写本期的${d.what}`,
    en: `template placeholder "${d.marker}" left here: write this issue's ${d.whatEn}`,
  }),
  check: ({ issue }) =>
    textsOf(issue).flatMap((site) =>
      [...site.text.text.matchAll(MARKERS)].map((m) => ({
        at: { text: site.text, ref: site.text.ref },
        offset: m.index,
        data: { marker: m[0], what: WHAT[site.kind][0], whatEn: WHAT[site.kind][1] },
      })),
    ),
};

const WHAT: Record<ReturnType<typeof textsOf>[number]['kind'], [string, string]> = {
  title: ['标题（导语句）', 'title (lead sentence)'],
  paragraph: ['正文', 'body text'],
  note: ['编者按', "editor's note"],
  source: ['来源单位', 'source'],
  distribution: ['报送范围', 'distribution list'],
};
