/** An editors' note (编者按) before an article or the whole issue: 楷体, its label 编者按： in bold 楷体. */
import type { Text } from '../issue/model.js';
import type { ParagraphBlock } from './doc.js';
import { written, type Styles } from './styles.js';
import { WORDS } from './wording.js';

export function noteParagraph(note: Text, st: Styles): ParagraphBlock {
  const label = { ...st.body(WORDS.note, 'kai'), weight: 'bold' as const };
  return { kind: 'paragraph', spans: [label, st.body(note.text, 'kai', written(note.ref))], align: 'justify', indent: 2 * st.grid.pitch, loosen: true };
}
