/**
 * 报尾, the distribution footer at the foot of the last page (GB/T 9704 §7.4): between rules as wide as the type
 * area — 0.35 mm first and last, 0.25 mm between — the distribution lines (送：… 发：…), then the editors with the
 * serial and print count on the right. Text in 4号 with one character of space at left and right; wrapped
 * recipients align after the colon. Each line takes one grid line, the last rule lying on the type area's foot.
 */
import type { Issue } from '../../issue/model.js';
import type { AtomBuilder } from '../text/atoms.js';
import { gridBaseline, mm } from '../geometry.js';
import { naturalWidth, setParagraph } from '../paragraph.js';
import type { PageItem } from '../types.js';
import type { MissingChar } from '../types.js';
import { placeRuns } from './place.js';
import { BLACK, SIZE_4, settingRef, type Styles } from './style.js';
import type { Span } from '../text/atoms.js';
import type { SourceRef } from '../../issue/model.js';

export interface Footer {
  /** Grid lines it takes at the foot of the page. */
  slots: number;
  /** Draws it with its first line in grid line `first`. */
  draw(first: number): PageItem[];
  missing: MissingChar[];
}

export function layoutFooter(issue: Issue, builder: AtomBuilder, st: Styles): Footer | undefined {
  const { grid } = st;
  const s = issue.series;
  const pad = SIZE_4;
  const width = grid.width - pad;
  const groups: { lines: ReturnType<typeof setParagraph>['lines'] }[][] = [];
  const missing: MissingChar[] = [];
  // Texts carry their place in the file (a character no font has is reported there).
  const at = (text: string, ref?: SourceRef): Span => ({ ...st.at(text, 'body', SIZE_4), ...(ref ? { ref } : {}) });
  // The colon keeps its full width: the text starts one full cell after it, and wrapped lines under that.
  const hangAfter = (label: string) => ({ label: st.at(label, 'body', SIZE_4), width: naturalWidth(builder, [st.at(label, 'body', SIZE_4)]) + SIZE_4 / 2 });
  const dist = s.distribution.map((d) => {
    const set = setParagraph(builder, {
      spans: [at(d.recipients.text, d.recipients.ref)],
      width,
      left: pad,
      align: 'justify',
      hang: hangAfter(`${d.label}：`),
    });
    missing.push(...set.missing);
    return set;
  });
  if (dist.length) groups.push(dist);
  // A name, and the print count, never split across lines; wrapped names align after the colon.
  const names: Span[] = s.editors.flatMap((e, i) => [...(i ? [at('、')] : []), { ...at(e, settingRef(issue, 'editors', i)), noBreak: true }]);
  const rightSpans: Span[] = [
    ...(s.serial ? [at(s.serial, settingRef(issue, 'serial'))] : []),
    ...(s.serial && s.printCount !== undefined ? [at('　')] : []),
    ...(s.printCount !== undefined ? [{ ...at(`共印 ${s.printCount} 份`), noBreak: true }] : []),
  ];
  const credit = [];
  if (names.length) credit.push(setParagraph(builder, { spans: names, width, left: pad, align: 'left', hang: hangAfter('责任编辑：') }));
  if (rightSpans.length) {
    const right = setParagraph(builder, { spans: rightSpans, width, left: pad, align: 'right' });
    const left = credit[0];
    // Editors and serial share a line when both fit on it (a new paragraph: set ones may be shared, never changed).
    const l = left?.lines[0];
    const r = right.lines[0];
    if (left && l && r && left.lines.length === 1 && right.lines.length === 1 && l.end + 2 * pad < r.start) {
      credit[0] = { lines: [{ runs: [...l.runs, ...r.runs], start: l.start, end: r.end }], missing: [...left.missing, ...right.missing] };
    } else credit.push(right);
  }
  for (const c of credit) missing.push(...c.missing);
  if (credit.length) groups.push(credit);
  if (!groups.length) return undefined;
  const slots = groups.reduce((n, g) => n + g.reduce((m, p) => m + p.lines.length, 0), 0);
  return {
    slots,
    missing,
    draw(first: number): PageItem[] {
      const items: PageItem[] = [];
      let slot = first;
      const rule = (y: number, widthMm: number): void => {
        items.push({ kind: 'rule', x1: grid.left, y1: y, x2: grid.left + grid.width, y2: y, width: mm(widthMm), colour: BLACK });
      };
      groups.forEach((g, gi) => {
        rule(grid.top + slot * grid.linePitch, gi === 0 ? 0.35 : 0.25);
        for (const p of g)
          for (const l of p.lines) {
            items.push(...placeRuns(l.runs, grid.left, gridBaseline(grid, slot, SIZE_4)));
            slot++;
          }
      });
      rule(grid.top + slot * grid.linePitch, 0.35);
      return items;
    },
  };
}
