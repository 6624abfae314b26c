/**
 * font-coverage: every character the issue puts on paper is in one of the fonts configured for the role it is set
 * in — the masthead name, the series line, offices, editors, serial, section labels, titles, notes, paragraphs,
 * the contents, the footer, the layout's own wording and page numbers: the texts of the composed BulletinDoc, the
 * very document the build typesets (and `bulletin fonts` reports on). A missing glyph prints as a blank box, so it
 * is an error that names the character and its code point. Coverage comes from a callback, so check/ never loads
 * fonts.
 */
import type { FontRole, SourceRef } from '../../issue/model.js';
import { FONT_ROLES, ROLE_ZH } from '../../issue/font-roles.js';
import { composeIssue } from '../../compose/index.js';
import { docTexts, type DocText } from '../../compose/texts.js';
import type { Rule, Finding } from './types.js';
import { codePointLabel } from './chars.js';

const ROLE_ORDER: readonly string[] = FONT_ROLES;

/** Where a text not written as such in the files comes from. */
const DERIVED: Record<NonNullable<DocText['what']> | 'pageNumbers' | 'wording', { zh: string; en: string }> = {
  issueLine: { zh: '期号行', en: 'the issue line' },
  date: { zh: '日期行', en: 'the date line' },
  contentsNumber: { zh: '目录的编号', en: 'the numbers of the contents' },
  pageNumbers: { zh: '页码', en: 'the page numbers' },
  wording: { zh: '版式自带的文字（【】、编者按：、责任编辑：等）', en: 'the wording the layout adds (【】, 编者按：, 责任编辑：…)' },
};

/**
 * Where to point for a text: its own place when written; for derived texts the setting they depend on; for the
 * wording and page numbers the role's `fonts` setting when one is written, else the top of the issue file.
 */
function placeOf(t: DocText, refs: Record<string, SourceRef>, file: string): { ref: SourceRef; exact: boolean; from?: { zh: string; en: string } } {
  if (t.from === 'written') return { ref: t.ref!, exact: true };
  if (t.from === 'derived') return { ref: t.ref!, exact: false, from: DERIVED[t.what!] };
  const fontsRef = refs[`fonts.${t.role}`];
  return { ref: fontsRef ?? { file, path: [] }, exact: false, from: DERIVED[t.from] };
}

export const fontCoverage: Rule = {
  id: 'font-coverage',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '所有字符都应有字体可用', en: 'Every character is covered by the configured fonts' },
  messages: (d) => {
    // `role` may list several roles ("heading,kai": a title is set in the body and in the contents).
    const roles = String(d.role).split(',').sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
    const zh = `字符“${d.char}”（${d.codePoint}）在${roles.map((r) => ROLE_ZH[r as FontRole] ?? r).join('、')}字体中没有字形`;
    const en = `character "${d.char}" (${d.codePoint}) is not in any ${roles.join(' or ')} font`;
    const keys = roles.map((r) => `fonts.${r}`);
    if (!d.fromZh) return { zh: `${zh}；请换用其他字，或在 ${keys.join('、')} 中加入含有它的字体`, en: `${en}; use another character, or add a font that has it to ${keys.join(' and ')}` };
    return {
      zh: `${zh}（用在${d.fromZh}中）；请在 ${keys.join('、')} 中换用含有它的字体`,
      en: `${en} (used in ${d.fromEn}); set ${keys.join(' and ')} to a font that has it`,
    };
  },
  check: ({ issue, coverage }) => {
    if (!coverage) return [];
    const out: Finding[] = [];
    // One finding per character and place; a place set in two roles (a title: heading and contents) names both.
    const byPlace = new Map<string, Finding>();
    const refs = issue.series.refs ?? {};
    for (const text of docTexts(composeIssue(issue))) {
      const t = text.text;
      const site = placeOf(text, refs, issue.file);
      const from = site.from;
      // One report per character per text: a missing font would otherwise flood the output.
      const seen = new Set<string>();
      for (const i of coverage(text.role, t)) {
        const cp = t.codePointAt(i);
        if (cp === undefined) continue;
        const char = String.fromCodePoint(cp);
        // Spaces are not drawn (the layout sets them as room), so they need no glyph.
        if (/\s/u.test(char) || seen.has(char)) continue;
        seen.add(char);
        const offset = site.exact ? i : 0;
        const place = JSON.stringify([site.ref.file, site.ref.path, site.ref.at ?? null, site.ref.offset ?? 0, offset, char]);
        const known = byPlace.get(place);
        if (known) {
          const roles = String(known.data.role).split(',');
          if (!roles.includes(text.role)) known.data.role = [...roles, text.role].join(',');
          continue;
        }
        const f: Finding = {
          at: { ref: site.ref },
          offset,
          data: { char, codePoint: codePointLabel(char), role: text.role, ...(from ? { fromZh: from.zh, fromEn: from.en } : {}) },
        };
        byPlace.set(place, f);
        out.push(f);
      }
    }
    return out;
  },
};
