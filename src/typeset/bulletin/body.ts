/**
 * The body: each section's label (【动态】 in 黑体), then its items — the lead sentence run in bold (黑体) before the
 * text, the source after the last paragraph; 【简讯】 briefs as bullets with a hanging indent; editor's notes in 楷体.
 */
import type { Issue, Item, Section } from '../../issue/model.js';
import type { AtomBuilder, Span } from '../text/atoms.js';
import { setParagraph } from '../paragraph.js';
import type { Flow } from './lines.js';
import { bracketed, type Styles } from './style.js';

/** Sentence enders after which a run-in title needs no 。 of its own. */
const ENDS = /[。！？!?…]$/;

export function layoutBody(issue: Issue, builder: AtomBuilder, st: Styles, flow: Flow): void {
  for (const section of issue.sections) {
    if (section.items.length === 0) continue;
    layoutSection(section, builder, st, flow);
  }
}

function layoutSection(section: Section, builder: AtomBuilder, st: Styles, flow: Flow): void {
  const { grid } = st;
  const label = bracketed(st.body(`【${section.label}】`, 'heading'), { file: section.ref.file, path: [...section.ref.path, 'label'] });
  flow.add(() => setParagraph(builder, { spans: [label], width: grid.width, align: 'left' }), grid.bodySize, {
    anchor: section.id,
    keepWithNext: true,
  });
  const node = { title: `【${section.label}】`, target: section.id, children: [] as { title: string; target: string; children: [] }[] };
  flow.outline.push(node);
  for (const item of section.items) {
    if (section.style === 'bullets') layoutBullet(item, builder, st, flow);
    else layoutItem(item, builder, st, flow);
    if (item.title) node.children.push({ title: `${item.number !== undefined ? `${item.number}. ` : ''}${item.title.text}`, target: item.id, children: [] });
  }
}

function layoutItem(item: Item, builder: AtomBuilder, st: Styles, flow: Flow): void {
  const { grid } = st;
  const indent = 2 * grid.pitch;
  let anchor: string | undefined = item.id;
  if (item.note) {
    const spans = [st.body('编者按：', 'heading'), st.body(item.note.text, 'kai', item.note.ref)];
    flow.add(() => setParagraph(builder, { spans, width: grid.width, align: 'justify', indent }), grid.bodySize, { anchor }, true);
    anchor = undefined;
  }
  const paras = item.paragraphs.length ? item.paragraphs : [{ text: '', ref: item.ref }];
  paras.forEach((p, i) => {
    const spans: Span[] = [];
    if (i === 0 && item.title) {
      const t = item.title.text;
      spans.push(st.body(t, 'heading', item.title.ref));
      if (!ENDS.test(t)) spans.push(st.body('。', 'heading'));
    }
    spans.push(st.body(p.text, 'body', p.ref));
    const last = i === paras.length - 1;
    const trailer = last && item.source ? { trailer: bracketed(st.body(`（${item.source.text}）`), item.source.ref) } : {};
    const make = () => setParagraph(builder, { spans, width: grid.width, align: 'justify', indent, ...trailer });
    flow.add(make, grid.bodySize, anchor ? { anchor } : {}, true);
    anchor = undefined;
  });
}

function layoutBullet(item: Item, builder: AtomBuilder, st: Styles, flow: Flow): void {
  const { grid } = st;
  // A brief with no text still shows its title and source (and keeps its anchor).
  const paras = item.paragraphs.length ? item.paragraphs : [{ text: '', ref: item.ref }];
  paras.forEach((p, i) => {
    const last = i === paras.length - 1;
    const spans: Span[] = [];
    if (i === 0 && item.title) spans.push(st.body(item.title.text, 'heading', item.title.ref));
    spans.push(st.body(p.text, 'body', p.ref));
    const make = () =>
      setParagraph(builder, {
        spans,
        width: grid.width,
        align: 'justify',
        // The sans face's bullet is twice the serif's, which reads as a dot at 3号.
        ...(i === 0 ? { hang: { label: st.body('•', 'heading'), width: grid.pitch } } : { left: grid.pitch }),
        ...(last && item.source ? { trailer: bracketed(st.body(`（${item.source.text}）`), item.source.ref) } : {}),
      });
    flow.add(make, grid.bodySize, i === 0 ? { anchor: item.id } : {}, true);
  });
}
