/**
 * BulletinDoc → the .docx's paragraphs as plain data: which named style each paragraph and run takes, what it looks
 * like, where it hangs, links and is bookmarked. Word breaks the lines and the pages itself, so the plan keeps the
 * decisions the BulletinDoc made (fonts by role, sizes, colours, indents, the grid) and none of the typesetter's.
 */
import type { Align, Block, BulletinDoc, ContentsBlock, FlowParagraph, Paragraph, Row, SignatureBlock, Span, TitleBlock } from '../compose/doc.js';
import { borderEighths, gridLineTwips, gridSpacingTwips, halfPoints, hexOf, labelWidth, twips } from './units.js';
import type { CharStyleKind, ParaStyleKind } from './style-names.js';
import type { RunLook, ParaLook, PlanRun, Border, PlanParagraph, PlanFooter, PlanMedia, DocxPlan } from './plan-types.js';

export type { RunLook, ParaLook, PlanRun, Border, PlanParagraph, PlanFooter, PlanMedia, DocxPlan };


const ALIGN: Record<Align, ParaLook['align']> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

/** Word bookmark names: a letter first, then letters, digits and _, at most 40 characters. */
export const bookmarkName = (anchor: string): string => `_b_${anchor.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 40);

export function planDocument(doc: BulletinDoc): DocxPlan {
  const grid = doc.grid;
  const gridLine = gridLineTwips(grid);
  const out: PlanParagraph[] = [];

  const look = (s: Span): RunLook => {
    const l: RunLook = { role: s.role, size: halfPoints(s.size), spacing: spacingOf(s), bold: s.weight === 'bold', scale: 100 };
    if (s.colour) l.colour = hexOf(s.colour);
    return l;
  };
  const spacingOf = (s: Span): number => (s.spacing === 'grid' ? gridSpacingTwips(grid, s.size) : s.spacing ? Math.round(s.spacing * s.size * 20) : 0);
  const run = (s: Span, charStyle?: CharStyleKind): PlanRun => (charStyle ? { text: s.text, charStyle, look: look(s) } : { text: s.text, look: look(s) });
  const tab = (s: Span): PlanRun => ({ text: { tab: true }, look: look(s) });

  /** The paragraph's longest span: its style's font. */
  const mainOf = (spans: Span[]): Span => spans.reduce((a, b) => ([...b.text].length > [...a.text].length ? b : a), spans[0]!);

  function paragraph(style: ParaStyleKind, p: Paragraph, lines = 1, extra: Partial<PlanParagraph> = {}): PlanParagraph {
    const spans = p.spans.length ? p.spans : [p.trailer ?? p.hang?.label].filter((s): s is Span => !!s);
    const main = mainOf(spans.length ? spans : [{ text: '', role: 'body', size: grid.bodySize }]);
    const mainAt = p.spans.indexOf(main);
    const left = p.left ?? 0;
    const pl: PlanParagraph = {
      style,
      look: { align: ALIGN[p.align], left: twips(left), right: twips(p.right ?? 0), first: twips(p.indent ?? 0), line: gridLine * lines },
      main: look(main),
      runs: [],
      ...extra,
    };
    if (p.hang) {
      const w = typeof p.hang.width === 'number' ? p.hang.width : labelWidth(p.hang.label.text, p.hang.label.size) + p.hang.width.gap;
      pl.look.left = twips(left + w);
      pl.look.first = -twips(w);
      pl.runs.push(run(p.hang.label, style === 'brief' ? 'bullet' : undefined), tab(p.hang.label));
    }
    p.spans.forEach((s, i) => {
      let cs: CharStyleKind | undefined;
      if (s.role !== main.role) cs = i < mainAt ? (style === 'note' ? 'noteLabel' : style === 'body' || style === 'brief' ? 'title' : s.role) : s.role;
      pl.runs.push(run(s, cs));
    });
    // The source runs on after the text, as the PDF sets it when it fits. Word has no way to keep a run of Han
    // characters on one line or to move it to a line of its own only when it does not fit (a right tab does not:
    // Word and LibreOffice break the text after it too), so a long source can break at a line's end.
    if (p.trailer) pl.runs.push(run(p.trailer, 'source'));
    return pl;
  }

  function flow(style: ParaStyleKind, p: FlowParagraph, extra: Partial<PlanParagraph> = {}): PlanParagraph {
    const pl = paragraph(style, p, 1, extra);
    if (p.keepWithNext) pl.keepNext = true;
    if (p.anchor) pl.bookmark = bookmarkName(p.anchor);
    if (p.link) pl.link = bookmarkName(p.link);
    return pl;
  }

  function rows(rs: Row[], style: ParaStyleKind, out: PlanParagraph[]): void {
    const start = out.length;
    let pendingRule: Border | undefined;
    const push = (p: PlanParagraph): void => {
      if (pendingRule) {
        p.top = pendingRule;
        pendingRule = undefined;
      }
      out.push(p);
    };
    for (const r of rs) {
      switch (r.kind) {
        case 'banner': {
          const p = paragraph('mastheadName', { spans: [r.span], align: 'center' }, r.lines);
          const l = p.runs[0]!.look;
          // Word puts letter-spacing after every character, the last too: an indent as wide moves the centre back.
          p.look.left += l.spacing;
          const natural = labelWidth(r.span.text, r.span.size) + ([...r.span.text].length * l.spacing) / 20;
          if (natural > grid.width) l.scale = Math.floor((100 * grid.width) / natural);
          p.main = l;
          push(p);
          break;
        }
        case 'text':
          push(paragraph(style, r.paragraph));
          break;
        case 'pair': {
          const lefts = r.left.map((p) => paragraph(style, p));
          const right = paragraph(style, r.right);
          const last = lefts[lefts.length - 1];
          if (last) {
            last.runs.push(tab(r.right.spans[0] ?? r.left[0]!.spans[0]!), ...right.runs);
            last.rightTabs = [twips(grid.width - (r.right.right ?? 0)) - last.look.left];
          }
          for (const p of last ? lefts : [right]) push(p);
          break;
        }
        case 'rule': {
          const border: Border = { size: borderEighths(r.width), colour: hexOf(r.colour) };
          if (r.lines === 0) {
            pendingRule = border;
            break;
          }
          // A rule with room of its own: an empty paragraph whose top border sits `offset` lines down its grid lines.
          const before = twips(r.offset * grid.linePitch);
          const p: PlanParagraph = {
            style: 'mastheadRule',
            look: { align: 'left', left: 0, right: 0, first: 0, line: Math.max(20, gridLine * r.lines - before - Math.round(r.width * 20)) },
            main: { role: 'body', size: 2, spacing: 0, bold: false, scale: 100 },
            runs: [],
            before,
            top: border,
          };
          push(p);
          break;
        }
      }
    }
    // A rule after the last row is the last row's bottom border.
    if (pendingRule && out.length > start) out[out.length - 1]!.bottom = pendingRule;
  }

  function contents(b: ContentsBlock): void {
    out.push(flow('contentsHeading', b.heading));
    const numbers = b.entries.flatMap((e) => (e.number ? [labelWidth(e.number.text, e.number.size)] : []));
    const column = numbers.length ? Math.max(...numbers) + b.numberGap : 0;
    for (const e of b.entries) {
      const p = flow(e.level === 1 ? 'contents1' : 'contents2', e.paragraph);
      if (e.level === 2) {
        p.look.left += twips(column);
        if (e.number) {
          p.look.first = -twips(column);
          p.runs.unshift(run(e.number), tab(e.number));
        }
      }
      out.push(p);
    }
  }

  /**
   * 落款 as the PDF places it, measured the way this writer measures (a full-width character one em, ASCII half),
   * the grid's spacing after every character but the last.
   */
  function signature(b: SignatureBlock): PlanParagraph[] {
    const ink = (s: Span): number => labelWidth(s.text, s.size) + (s.spacing === 'grid' ? ([...s.text].length - 1) * (grid.pitch - s.size) : 0);
    const edge = grid.width - b.right;
    let organLeft = edge - ink(b.organ);
    let dateLeft = organLeft + b.shift;
    if (dateLeft + ink(b.date) > edge) {
      dateLeft = edge - ink(b.date);
      organLeft = dateLeft - b.shift;
    }
    const organ = paragraph('signature', { spans: [b.organ], align: 'left', left: Math.max(0, organLeft) });
    organ.keepNext = true;
    return [organ, paragraph('signature', { spans: [b.date], align: 'left', left: Math.max(0, dateLeft) })];
  }

  let footer: PlanFooter | undefined;
  const media: { after: number; media: PlanMedia }[] = [];
  /** Captions and cells at their own size, lines as far apart as in the PDF. */
  const small = (p: Paragraph, leading: number, style: 'tableText' | 'caption'): PlanParagraph => {
    const pl = paragraph(style, p);
    pl.look.line = twips(leading);
    return pl;
  };
  for (const b of doc.blocks) block(b);

  function block(b: Block): void {
    switch (b.kind) {
      case 'masthead':
        return rows(b.rows, 'masthead', out);
      case 'contents':
        return contents(b);
      case 'section-label':
        out.push(flow('label', b));
        return;
      case 'paragraph':
        out.push(flow(paragraphStyle(b), b));
        return;
      case 'figure':
        media.push({
          after: out.length,
          media: { kind: 'figure', photos: b.photos.map((p) => ({ file: p.image.file, width: p.width, height: p.height, ...(p.caption ? { caption: small(p.caption, b.captionLeading, 'caption') } : {}) })) },
        });
        return;
      case 'table': {
        const t: PlanMedia = {
          kind: 'table',
          columns: b.columns.map(twips),
          rows: b.rows.map((r) => r.map((c) => small(c.paragraph, b.leading, 'tableText'))),
          rule: { size: borderEighths(b.rule.width), colour: hexOf(b.rule.colour) },
          padding: twips(b.padding),
        };
        if (b.title) t.title = paragraph('body', b.title);
        if (b.header) t.header = b.header.map((c) => small(c.paragraph, b.leading, 'tableText'));
        media.push({ after: out.length, media: t });
        return;
      }
      case 'title':
        out.push(flow(TITLE_STYLE[b.part], b));
        return;
      case 'space':
        // Empty lines: one empty paragraph as tall as they are.
        out.push(paragraph('body', { spans: [], align: 'left' }, b.lines));
        return;
      case 'attachments':
        for (const p of b.paragraphs) out.push(flow('attachments', p));
        return;
      case 'signature':
        out.push(...signature(b));
        return;
      case 'footer': {
        const ps: PlanParagraph[] = [];
        rows(b.rows, 'footer', ps);
        footer = footerTable(ps);
        return;
      }
    }
  }

  const plan: DocxPlan = footer ? { paragraphs: out, footer, gridLine } : { paragraphs: out, gridLine };
  if (media.length > 0) plan.media = media;
  return plan;
}

/** Every paragraph of the plan, the footer's too, in reading order. */
// Captions and cells are left out (see mediaParagraphs): a table-heavy issue must not set the body style.
export const allParagraphs = (plan: DocxPlan): PlanParagraph[] => [...plan.paragraphs, ...(plan.footer?.rows.flatMap((r) => r.paragraphs) ?? [])];

/** The photos' captions and the tables' cells, which have styles of their own (图片说明, 表格文字). */
export const mediaParagraphs = (plan: DocxPlan): PlanParagraph[] =>
  (plan.media ?? []).flatMap(({ media: m }) => (m.kind === 'figure' ? m.photos.flatMap((p) => (p.caption ? [p.caption] : [])) : [...(m.header ?? []), ...m.rows.flat()]));

/** The footer's paragraphs, cut into rows where a rule stands above one; the rules move to the cells' borders. */
function footerTable(ps: PlanParagraph[]): PlanFooter {
  const rows: PlanFooter['rows'] = [];
  for (const p of ps) {
    const { top, bottom, ...rest } = p;
    if (top || rows.length === 0) rows.push(top ? { top, paragraphs: [] } : { paragraphs: [] });
    rows[rows.length - 1]!.paragraphs.push(rest);
    if (bottom) rows[rows.length - 1]!.bottom = bottom;
  }
  return { rows };
}

const TITLE_STYLE: Record<TitleBlock['part'], ParaStyleKind> = { title: 'articleTitle', subtitle: 'articleSubtitle', byline: 'byline' };

/** 简讯 hang a bullet (or continue under it); 编者按 are in 楷体; everything else in the flow is body text. */
function paragraphStyle(p: FlowParagraph): ParaStyleKind {
  if (p.hang || ((p.left ?? 0) > 0 && !p.indent)) return 'brief';
  if (p.spans.some((s) => s.role === 'kai')) return 'note';
  return 'body';
}

