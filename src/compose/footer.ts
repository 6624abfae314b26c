/**
 * 报尾, the distribution footer at the foot of the last page (GB/T 9704 §7.4): between rules as wide as the type
 * area — 0.35 mm first and last, 0.25 mm between — the distribution lines (送：… 发：…), then the editors with the
 * serial and print count on the right. Text in 4号 with one character of space at left and right; wrapped
 * recipients align after the colon.
 */
import type { Issue } from '../issue/model.js';
import type { FooterBlock, Paragraph, Row, Span, SpanSource } from './doc.js';
import { mm } from './geometry.js';
import { BLACK, SIZE_4, settingRef, written, type Styles } from './styles.js';
import { WORDS } from './wording.js';

export function composeFooter(issue: Issue, st: Styles): FooterBlock | undefined {
  const s = issue.series;
  const pad = SIZE_4;
  const at = (text: string, source?: SpanSource): Span => st.at(text, 'body', SIZE_4, source);
  const groups: Row[][] = [];
  const dist = settingRef(issue, 'distribution');
  const lines: Row[] = s.distribution.map((d, i) => {
    const label = `${d.label}${WORDS.colon}`;
    const labelRef = dist ? { file: dist.file, path: [...dist.path, i, 'label'] } : undefined;
    return {
      kind: 'text',
      paragraph: {
        spans: [at(d.recipients.text, written(d.recipients.ref))],
        align: 'justify',
        left: pad,
        right: pad,
        // The colon keeps its full width here: the recipients start one full cell after it.
        hang: { label: at(label, written(labelRef, 0, d.label.length)), width: { gap: SIZE_4 / 2 } },
      },
    };
  });
  if (lines.length) groups.push(lines);

  const editors: Span[] = s.editors.length
    ? [at(WORDS.editors), ...s.editors.flatMap((e, i) => [...(i ? [at(WORDS.editorsJoin)] : []), at(e, written(settingRef(issue, 'editors', i)))])]
    : [];
  const count: Span[] = [];
  if (s.serial) count.push(at(s.serial, written(settingRef(issue, 'serial'))));
  if (s.printCount !== undefined) {
    const before = `${s.serial ? WORDS.serialGap : ''}${WORDS.printCount.before}`;
    const n = String(s.printCount);
    count.push(at(`${before}${n}${WORDS.printCount.after}`, written(settingRef(issue, 'printCount'), before.length, n.length)));
  }
  const left: Paragraph | undefined = editors.length ? { spans: editors, align: 'left', left: pad, right: pad } : undefined;
  const right: Paragraph | undefined = count.length ? { spans: count, align: 'right', right: pad } : undefined;
  // Editors and serial share a line when each is one line and both fit on it.
  if (left && right) groups.push([{ kind: 'pair', left: [left], right, gap: 2 * pad, single: true }]);
  else if (left || right) groups.push([{ kind: 'text', paragraph: (left ?? right)! }]);
  if (!groups.length) return undefined;

  const rule = (widthMm: number): Row => ({ kind: 'rule', width: mm(widthMm), colour: BLACK, offset: 0, lines: 0 });
  const rows: Row[] = [];
  groups.forEach((g, gi) => rows.push(rule(gi === 0 ? 0.35 : 0.25), ...g));
  rows.push(rule(0.35));
  return { kind: 'footer', rows };
}
