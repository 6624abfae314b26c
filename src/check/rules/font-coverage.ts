/**
 * font-coverage: every character is in one of the fonts configured for the role it is set in (title → heading,
 * body and source → body, editor's note → kai). A missing glyph prints as a blank box, so it is an error that
 * names the character and its code point. Coverage comes from a callback, so check/ never loads fonts.
 */
import type { Rule, Finding } from './types.js';
import { codePointLabel } from './chars.js';
import { textsOf } from './texts.js';

const ROLE_ZH: Record<string, string> = { masthead: '报头', body: '正文', heading: '标题', kai: '楷体', number: '数字' };

export const fontCoverage: Rule = {
  id: 'font-coverage',
  defaultSeverity: 'error',
  fixable: false,
  description: { zh: '所有字符都应有字体可用', en: 'Every character is covered by the configured fonts' },
  messages: (d) => ({
    zh: `字符“${d.char}”（${d.codePoint}）在${ROLE_ZH[String(d.role)] ?? d.role}字体中没有字形`,
    en: `character "${d.char}" (${d.codePoint}) is not in any ${d.role} font`,
  }),
  check: ({ issue, coverage }) => {
    if (!coverage) return [];
    const out: Finding[] = [];
    for (const site of textsOf(issue)) {
      const t = site.text.text;
      // One report per character per text: a missing font would otherwise flood the output.
      const seen = new Set<string>();
      for (const i of coverage(site.role, t)) {
        const cp = t.codePointAt(i);
        if (cp === undefined) continue;
        const char = String.fromCodePoint(cp);
        if (seen.has(char)) continue;
        seen.add(char);
        out.push({ at: { text: site.text, ref: site.text.ref }, offset: i, data: { char, codePoint: codePointLabel(char), role: site.role } });
      }
    }
    return out;
  },
};
