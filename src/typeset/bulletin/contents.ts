/**
 * 本期目录: the listed sections' labels and their numbered items. A wrapped title continues under its first
 * character, after the number; every entry links to its item.
 */
import type { Issue } from '../../issue/model.js';
import type { AtomBuilder } from '../text/atoms.js';
import { naturalWidth, setParagraph } from '../paragraph.js';
import type { Flow } from './lines.js';
import { bracketed, type Styles } from './style.js';

export function layoutContents(issue: Issue, builder: AtomBuilder, st: Styles, flow: Flow): void {
  if (issue.contents.length === 0) return;
  const { grid } = st;
  flow.add(() => setParagraph(builder, { spans: [st.body('本期目录：', 'heading')], width: grid.width, align: 'left' }), grid.bodySize, {
    keepWithNext: true,
  });
  // Numbers share one width, so titles start in one column: the widest number plus a space.
  const numbers = issue.contents.filter((e) => e.kind === 'item').map((e) => `${e.number ?? ''}.`);
  const numberWidth = Math.max(0, ...numbers.map((n) => naturalWidth(builder, [st.body(n, 'kai')]))) + grid.bodySize / 4;
  const left = 2 * grid.pitch;
  // Titles carry their place in the file, so a character no font has is reported there, not at 1:1.
  const titleRefs = new Map(issue.sections.flatMap((s) => s.items.flatMap((it) => (it.title ? [[it.id, it.title.ref] as const] : []))));
  for (const entry of issue.contents) {
    if (entry.kind === 'section') {
      const section = issue.sections.find((sec) => sec.id === entry.target);
      const spans = [bracketed(st.body(`【${entry.label}】`, 'heading'), section ? { file: section.ref.file, path: [...section.ref.path, 'label'] } : undefined)];
      flow.add(() => setParagraph(builder, { spans, width: grid.width, align: 'left', left: grid.pitch }), grid.bodySize, { link: entry.target, keepWithNext: true });
      continue;
    }
    const spans = [st.body(entry.label, 'kai', titleRefs.get(entry.target))];
    // An item of a listed but unnumbered section has no number: its title starts in the titles' column.
    const spec =
      entry.number === undefined
        ? { spans, width: grid.width, align: 'justify' as const, left: left + numberWidth }
        : { spans, width: grid.width, align: 'justify' as const, left, hang: { label: st.body(`${entry.number}.`, 'kai'), width: numberWidth } };
    flow.add(() => setParagraph(builder, spec), grid.bodySize, { link: entry.target });
  }
}
