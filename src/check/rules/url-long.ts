/**
 * url-long: a URL or an e-mail address longer than about two-thirds of a line. The line breaker may break one
 * only after / . - _ ? & = @, so a long one leaves lines loose or cut into pieces a reader has to put together
 * again; a short link, or the address on a line of its own (as a note), reads better. An editorial hint.
 */
import type { Rule } from './types.js';
import { addresses } from '../../typeset/text/addresses.js';
import { textsOf } from './texts.js';

/** Share of a line an address may take. */
const SHARE = 2 / 3;

/** Width in character cells: Latin letters and digits take about half a cell. */
const cells = (s: string): number => [...s].reduce((n, ch) => n + (ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1), 0);

export const urlLong: Rule = {
  id: 'url-long',
  defaultSeverity: 'warning',
  fixable: false,
  description: { zh: '网址和电子邮箱不宜过长', en: 'URLs and e-mail addresses short enough for a line' },
  messages: (d) => ({
    zh: `${d.kind === 'email' ? '电子邮箱' : '网址'}“${d.address}”约占一行的 ${d.percent}%，排版时只能在 / . - _ 等处断开；建议改用短链接，或另起一行单独列出`,
    en: `${d.kind === 'email' ? 'e-mail address' : 'URL'} "${d.address}" takes about ${d.percent}% of a line and can break only after / . - _ and the like; use a short link, or put it on a line of its own`,
  }),
  check: (ctx) => {
    const line = ctx.issue.series.page.charsPerLine;
    return textsOf(ctx.issue).flatMap(({ text }) =>
      addresses(text.text).flatMap(([start, end]) => {
        const address = text.text.slice(start, end);
        const width = cells(address);
        if (width <= SHARE * line) return [];
        const kind = address.includes('@') && !/^(?:https?|ftp):|^www\./i.test(address) ? 'email' : 'url';
        return [{ at: { text, ref: text.ref }, offset: start, data: { address, kind, percent: Math.round((100 * width) / line) } }];
      }),
    );
  },
};
