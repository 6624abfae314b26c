/**
 * Page numbers (GB/T 9704 §7.5): "— N —" in 4号, the dashes' top 7 mm below the type area; odd pages on the
 * right and even pages on the left, each one character in from the edge; or centred.
 */
import type { AtomBuilder } from '../text/atoms.js';
import { mm } from '../../compose/geometry.js';
import { setParagraph } from '../paragraph.js';
import type { Fonts, PageItem } from '../types.js';
import { placeRuns } from './place.js';
import { SIZE_4, type Styles } from './style.js';

export function layoutPageNumber(n: number, builder: AtomBuilder, st: Styles, fonts: Fonts, placement: 'outside' | 'center'): PageItem[] {
  const { grid } = st;
  const face = fonts.number.faces[0]!;
  const dashTop = face.hasChar(0x2015) ? face.glyphBounds(0x2015).yMax : face.glyphBounds(0x2014).yMax;
  const baseline = grid.top + grid.height + mm(7) + dashTop * SIZE_4;
  const align = placement === 'center' ? 'center' : n % 2 === 1 ? 'right' : 'left';
  const inset = placement === 'center' ? 0 : SIZE_4;
  const set = setParagraph(builder, { spans: [st.at(`— ${n} —`, 'number', SIZE_4)], width: grid.width - inset, left: align === 'left' ? inset : 0, align });
  return set.lines.flatMap((l) => placeRuns(l.runs, grid.left, baseline));
}
