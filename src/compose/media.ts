/**
 * Photos and tables set among an item's paragraphs, in the order the editor wrote them (issue 14). Shared by the
 * run-in items of a 信息 issue and the articles of a 专报/通报.
 */
import type { Item } from '../issue/model.js';
import type { Block, ParagraphBlock } from './doc.js';
import { composeFigure } from './figure.js';
import { composeTable } from './table.js';
import type { Styles } from './styles.js';

/** Photos and tables after paragraph `before` - 1 (before: 0 puts them ahead of the first). */
function mediaBlocks(item: Item, before: number, st: Styles): Block[] {
  return (item.media ?? []).filter((m) => m.before === before).map((m) => (m.media.kind === 'photos' ? composeFigure(m.media, st) : composeTable(m.media, st)));
}

export interface MediaPlacing {
  /** Blocks at the head of `paragraphs` that are not the item's written paragraphs (a run-in 编者按). */
  skip: number;
  /**
   * The first paragraph stays first even when media were written ahead of it: a run-in item's title and anchor
   * are on its first line. An article has its title above, so its media may open the body.
   */
  leadFirst: boolean;
}

/** An item's blocks with its photos and tables between the paragraphs they were written between. */
export function withMedia(item: Item, paragraphs: ParagraphBlock[], st: Styles, placing: MediaPlacing): Block[] {
  if (!item.media) return paragraphs;
  const out: Block[] = [...paragraphs.slice(0, placing.skip), ...mediaBlocks(item, 0, st)];
  paragraphs.slice(placing.skip).forEach((p, i) => {
    out.push(p);
    out.push(...mediaBlocks(item, i + 1, st));
  });
  if (placing.leadFirst && out[0]?.kind !== 'paragraph') {
    const lead = out.findIndex((b) => b.kind === 'paragraph');
    if (lead > 0) out.unshift(...out.splice(lead, 1));
  }
  return out;
}
