/**
 * The placeholder text `bulletin new` and `bulletin init` leave where the editor has to write, and the editorial
 * rule that finds it. A template item is valid YAML for the schema (so `check` gets past validation and says
 * exactly what is left to do) but can never be mistaken for finished content.
 */
import type { Finding, Rule } from './types.js';
import type { Issue, SourceRef } from '../../issue/model.js';
import { textsOf } from './texts.js';

export const PLACEHOLDER = '【待填写】';

/** Markers an editor may also have typed: TODO / FIXME / 待填写 / 待补充. */
const MARKERS = /【待填写】|【待补充】|\bTODO\b|\bFIXME\b/gu;

export const placeholder: Rule = {
  id: 'placeholder',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '不能留有模板占位文字（【待填写】、TODO）', en: 'No template placeholders (【待填写】, TODO) are left' },
  messages: (d) => ({
    zh: `这里还是模板占位文字“${d.marker}”：请填写${d.what}`,
    en: `template placeholder "${d.marker}" left here: write this issue's ${d.whatEn}`,
  }),
  check: ({ issue }) => [
    ...textsOf(issue).flatMap((site) =>
      [...site.text.text.matchAll(MARKERS)].map((m) => ({
        at: { text: site.text, ref: site.text.ref },
        offset: m.index,
        data: { marker: m[0], what: WHAT[site.kind][0], whatEn: WHAT[site.kind][1] },
      })),
    ),
    ...seriesFindings(issue),
  ],
};

/** Plain-string series settings `bulletin init` leaves to fill in (they are not Texts, so found by path). */
function seriesFindings(issue: Issue): Finding[] {
  const s = issue.series;
  // In the file that sets it: the issue when it overrides the setting, else the series file.
  const at = (key: string, index?: number): SourceRef => {
    const ref = s.refs?.[key] ?? { file: s.seriesFile ?? issue.file, path: [key] };
    return index === undefined ? ref : { file: ref.file, path: [...ref.path, index] };
  };
  const fields: [SourceRef, string | undefined, string, string][] = [
    [at('name'), s.name, '简报名称', 'bulletin name'],
    [at('seriesLine'), s.seriesLine, '名称下的一行', 'series line'],
    [at('securityMark'), s.securityMark, '密级标注', 'security mark'],
    [at('serial'), s.serial, '登记号', 'serial'],
    ...s.offices.map((o, i): [SourceRef, string, string, string] => [at('offices', i), o, '编发单位', 'issuing office']),
    ...s.editors.map((e, i): [SourceRef, string, string, string] => [at('editors', i), e, '责任编辑', 'editor']),
  ];
  return fields.flatMap(([ref, value, what, whatEn]) =>
    [...(value ?? '').matchAll(MARKERS)].map((m) => ({ at: { ref }, offset: m.index, data: { marker: m[0], what, whatEn } })),
  );
}

const WHAT: Record<ReturnType<typeof textsOf>[number]['kind'], [string, string]> = {
  title: ['本期的标题（导语句）', 'title (lead sentence)'],
  paragraph: ['本期的正文', 'body text'],
  note: ['编者按', "editor's note"],
  source: ['来源单位', 'source'],
  distribution: ['报送范围', 'distribution list'],
  caption: ['图片说明或表格标题', 'caption or table title'],
  cell: ['表格', 'table'],
  subtitle: ['副标题', 'subtitle'],
  byline: ['署名', 'byline'],
  addressee: ['主送机关', 'addressee'],
  attachment: ['附件名称', 'attachment'],
  signature: ['落款的发文机关', 'signature'],
  mark: ['报头标注', 'masthead mark'],
};
