/**
 * decoration-doubled: the layout puts its own marks around some values — 【】 around a section label, （） around a
 * source and the series line, a ： after a distribution label, 责任编辑： before the editors, 编者按： before a note,
 * • before a brief — so a value that already carries them (pasted from an old issue) prints them twice:
 * 【【动态】】, （（区发改局））, 送：：, 责任编辑：责任编辑：张三. The message shows what would be printed; the fix
 * takes the typed marks away. (A title ending in ：，；、 is title-sentence's: it gets a 。 after it.)
 */
import type { Issue, SourceRef, Text } from '../../issue/model.js';
import type { Finding, Rule, TextEdit } from './types.js';

interface Decoration {
  /** What the value is, for the message. */
  what: { zh: string; en: string };
  /** Typed marks at the start and the end that the layout adds again. */
  lead?: RegExp;
  tail?: RegExp;
  /** How the layout prints a value: to show the doubled result. */
  print(value: string): string;
}

const LABEL: Decoration = { what: { zh: '栏目名称', en: 'a section label' }, lead: /^\s*【/u, tail: /】\s*$/u, print: (v) => `【${v}】` };
const SOURCE: Decoration = { what: { zh: '来源', en: 'a source' }, lead: /^\s*[（(]/u, tail: /[）)]\s*$/u, print: (v) => `（${v}）` };
const SERIES_LINE: Decoration = { what: { zh: '报头下方的一行（seriesLine）', en: 'the series line' }, lead: /^\s*[（(]/u, tail: /[）)]\s*$/u, print: (v) => `（${v}）` };
const DIST_LABEL: Decoration = { what: { zh: '报送范围的标签', en: 'a distribution label' }, tail: /\s*[：:]\s*$/u, print: (v) => `${v}：` };
const EDITOR: Decoration = { what: { zh: '责任编辑', en: 'an editor' }, lead: /^\s*责任编辑\s*[：:]\s*/u, print: (v) => `责任编辑：${v}` };
const NOTE: Decoration = { what: { zh: '编者按', en: "an editor's note" }, lead: /^\s*编者按\s*[：:]\s*/u, print: (v) => `编者按：${v}` };
const BULLET: Decoration = { what: { zh: '简讯', en: 'a brief' }, lead: /^\s*[•·●]\s*/u, print: (v) => `•${v}` };

export const decorationDoubled: Rule = {
  id: 'decoration-doubled',
  defaultSeverity: 'error',
  fixable: true,
  description: { zh: '不要写排版时会自动加上的【】、（）、：、责任编辑：、编者按：、•', en: 'Leave out the marks the layout adds (【】, （）, ：, 责任编辑：, 编者按：, •)' },
  messages: (d) => ({
    zh: `${d.whatZh}里写了排版时会自动加上的“${d.marks}”，排出来会是“${d.printed}”；只写“${d.bare}”`,
    en: `${d.whatEn} carries "${d.marks}", which the layout adds itself: it would print as "${d.printed}"; write just "${d.bare}"`,
  }),
  check: ({ issue }) => {
    const out: Finding[] = [];
    for (const [text, deco] of decorated(issue)) {
      const f = finding(text, deco);
      if (f) out.push(f);
    }
    return out;
  },
};

/** Every value the layout decorates, with its decoration. */
function decorated(issue: Issue): [Text, Decoration][] {
  const out: [Text, Decoration][] = [];
  const s = issue.series;
  const at = (key: string, ...more: (string | number)[]): SourceRef | undefined => {
    const ref = s.refs?.[key];
    return ref ? { file: ref.file, path: [...ref.path, ...more] } : undefined;
  };
  const add = (text: string | undefined, ref: SourceRef | undefined, deco: Decoration) => {
    if (text !== undefined && ref) out.push([{ text, ref }, deco]);
  };
  add(s.seriesLine, at('seriesLine'), SERIES_LINE);
  s.distribution.forEach((d, i) => add(d.label, at('distribution', i, 'label'), DIST_LABEL));
  s.editors.forEach((e, i) => add(e, at('editors', i), EDITOR));
  for (const section of issue.sections) {
    add(section.label, { file: section.ref.file, path: [...section.ref.path, 'label'] }, LABEL);
    for (const item of section.items) {
      if (item.source) out.push([item.source, SOURCE]);
      if (item.note && section.style === 'items') out.push([item.note, NOTE]);
      if (section.style === 'bullets' && !item.title && item.paragraphs[0]) out.push([item.paragraphs[0], BULLET]);
    }
  }
  return out;
}

function finding(text: Text, deco: Decoration): Finding | undefined {
  const t = text.text;
  const lead = deco.lead?.exec(t);
  const tail = deco.tail?.exec(t);
  // Brackets count only as a pair around the whole value: （区发改局）与（区商务局） is two sources, not one wrapped.
  const paired = deco.lead && deco.tail;
  if (paired ? !(lead && tail) || reopens(t.slice(lead[0].length, tail.index)) : !(lead || tail)) return undefined;
  const start = lead ? lead[0].length : 0;
  const end = tail ? tail.index : t.length;
  const bare = t.slice(start, end).trim();
  if (!bare) return undefined;
  const fix: TextEdit[] = [];
  if (tail) fix.push({ start: end, end: t.length, text: '' });
  if (lead) fix.push({ start: 0, end: start, text: '' });
  const marks = `${lead ? lead[0].trim() : ''}${lead && tail ? '…' : ''}${tail ? tail[0].trim() : ''}`;
  return {
    at: { text, ref: text.ref },
    offset: lead ? 0 : end,
    data: { whatZh: deco.what.zh, whatEn: deco.what.en, marks, printed: deco.print(t), bare },
    fix,
  };
}

/** Whether the inside of a bracketed value closes and reopens its brackets: then the outer ones are no wrapper. */
function reopens(inside: string): boolean {
  let depth = 0;
  for (const ch of inside) {
    if (ch === '（' || ch === '(' || ch === '【') depth++;
    else if (ch === '）' || ch === ')' || ch === '】') {
      if (--depth < 0) return true;
    }
  }
  return false;
}
