/**
 * attachment-note: an attachment is written as its bare name (GB/T 9704 §7.3.4): no 附件： before it (the
 * typesetter sets that), no number of its own (1. 2. are added when there are several), no full stop and no 《》
 * around it. The paragraph rules leave the attachments alone: a name is not a sentence.
 */
import type { Finding, Rule } from './types.js';
import { items } from './texts.js';

const PROBLEMS: [RegExp, string][] = [
  [/^附件[：:]\s*/u, 'label'],
  [/^[0-9]+[.．、]\s*/u, 'number'],
  [/[。．.]$/u, 'stop'],
  [/^《.*》$/u, 'quotes'],
];

export const attachmentNote: Rule = {
  id: 'attachment-note',
  defaultSeverity: 'error',
  fixable: true,
  description: { zh: '附件写名称本身', en: 'An attachment is written as its bare name' },
  messages: (_d, id) =>
    id === 'label'
      ? { zh: '附件名称前不要写“附件：”，排版时会自动加上', en: 'do not write "附件：" before the name; it is added when typeset' }
      : id === 'number'
        ? { zh: '附件名称前不要写序号，有两个以上附件时排版会自动编号', en: 'do not number the attachment; several are numbered when typeset' }
        : id === 'stop'
          ? { zh: '附件名称后不加句号', en: 'no full stop after an attachment name' }
          : { zh: '附件名称不加书名号', en: 'no 《》 around an attachment name' },
  check: (ctx) =>
    items(ctx.issue).flatMap(({ item }): Finding[] =>
      (item.attachments ?? []).flatMap((a) => {
        const out: Finding[] = [];
        const at = { text: a, ref: a.ref };
        for (const [re, id] of PROBLEMS) {
          const m = re.exec(a.text);
          if (!m) continue;
          const fix =
            id === 'quotes' ? [{ start: 0, end: 1, text: '' }, { start: a.text.length - 1, end: a.text.length, text: '' }] : [{ start: m.index, end: m.index + m[0].length, text: '' }];
          out.push({ at, offset: m.index, messageId: id, data: {}, fix });
        }
        return out;
      }),
    ),
};
