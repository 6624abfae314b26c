/**
 * Page numbers in the document's style: on the outer side (odd pages right, even pages left, `inset` in from the
 * edge) or centred, the ink top of the style's alignment character `below` points under the type area.
 */
import type { PageNumberStyle } from '../compose/doc.js';
import type { Grid } from '../compose/geometry.js';
import type { AtomBuilder } from './text/atoms.js';
import { setParagraph } from './paragraph.js';
import { placeRuns } from './place.js';
import { engineSpan } from './spans.js';
import type { Fonts, PageItem } from './types.js';

/** The full-width dash (U+2015), which atoms.ts draws for — when the face has it. */
const EM_DASH = 0x2014;
const FWID_DASH = 0x2015;

export function layoutPageNumber(n: number, style: PageNumberStyle, grid: Grid, builder: AtomBuilder, fonts: Fonts): PageItem[] {
  const face = fonts[style.style.role].faces[0]!;
  const cp = style.alignChar.codePointAt(0)!;
  const top = face.glyphBounds(cp === EM_DASH && face.hasChar(FWID_DASH) ? FWID_DASH : cp).yMax;
  const baseline = grid.top + grid.height + style.below + top * style.style.size;
  const align = style.placement === 'center' ? 'center' : n % 2 === 1 ? 'right' : 'left';
  const inset = style.placement === 'center' ? 0 : style.inset;
  const span = engineSpan({ ...style.style, text: `${style.prefix}${n}${style.suffix}` }, grid);
  const set = setParagraph(builder, { spans: [span], width: grid.width - inset, left: align === 'left' ? inset : 0, align });
  return set.lines.flatMap((l) => placeRuns(l.runs, grid.left, baseline));
}
