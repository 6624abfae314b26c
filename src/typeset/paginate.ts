/**
 * Pagination on the grid: every line takes one grid line (slot). Paragraphs never leave their first line alone
 * at a page's foot (orphan) nor their last line alone at a page's head (widow), unless they have only two lines;
 * a line marked keep-with-next (a section label) never ends a page. A block can be anchored to the foot of the
 * last page (the distribution footer); it goes to a new page when it does not fit there.
 */

export interface FlowItem {
  /** Paragraph the line belongs to, and its place in it. */
  para: number;
  index: number;
  count: number;
  keepWithNext?: boolean;
  /** May not begin a page (a source set on a line of its own). */
  keepWithPrev?: boolean;
  /**
   * First line of a unit (its other lines keepWithPrev) that floats: when the unit does not fit, the lines after
   * it fill the page and it goes to the top of the next one.
   */
  float?: boolean;
  /** Lines kept free above this line when it begins a page (a table's header row, drawn again there). */
  head?: number;
  /** An empty line: at the head of a page (not the first) it takes no room. */
  blank?: boolean;
  /**
   * First line of what a floating unit may not be set after: an article's title, attachments note or signature.
   * The article's last lines stay below its photo, even if that leaves the page short.
   */
  fence?: boolean;
}

export interface Placement {
  /** Index into the flow. */
  item: number;
  page: number;
  slot: number;
  /** The item's `head` lines were kept free above it (it begins the page). */
  head?: number;
}

export interface PageFlowOptions {
  linesPerPage: number;
  /** Slots already taken on the first page (the masthead). */
  firstPageStart: number;
  /** Slots the bottom-anchored block needs on the last page (0: none). */
  footerSlots: number;
}

export interface PagePlan {
  placements: Placement[];
  pages: number;
  /** Page that holds the bottom-anchored block, when there is one. */
  footerPage: number;
}

/**
 * Places the flow. `resume` starts from flow item `item` at `page`/`slot` (what an earlier plan gave it), and the
 * plan holds only the placements from there on: a change late in the flow does not re-place what comes before it.
 */
export function paginate(flow: FlowItem[], opts: PageFlowOptions, resume?: { item: number; page: number; slot: number }): PagePlan {
  const { linesPerPage } = opts;
  const placements: Placement[] = [];
  let page = resume?.page ?? 0;
  let slot = resume?.slot ?? opts.firstPageStart;
  const newPage = (): void => {
    page++;
    slot = 0;
  };
  // A floating unit that did not fit where it came: placed at the top of the next page.
  let pending: { item: number; count: number } | undefined;
  let top = slot;
  const placeFloat = (): void => {
    if (!pending) return;
    for (let k = 0; k < pending.count; k++) placements.push({ item: pending.item + k, page, slot: slot + k });
    slot += pending.count;
    pending = undefined;
  };
  const toNewPage = (): void => {
    newPage();
    placeFloat();
    top = slot;
  };
  let i = resume?.item ?? 0;
  while (i < flow.length) {
    const it = flow[i]!;
    if (pending && it.index === 0 && fenceAt(flow, i)) {
      toNewPage();
      continue;
    }
    if (it.blank && slot === 0 && page > 0) {
      // Space before a title or a signature means nothing at the top of a page: placed, but on no line of its own.
      placements.push({ item: i, page, slot });
      i++;
      continue;
    }
    if (it.float && it.index === 0) {
      const count = unitLength(flow, i);
      if (pending) {
        toNewPage();
        continue;
      }
      if (slot > top && count > linesPerPage - slot) {
        pending = { item: i, count };
        i += count;
        continue;
      }
    }
    let head: number | undefined;
    if (it.head && it.index === 0 && slot === top && page > 0) {
      head = it.head;
      slot += head;
      top = slot;
    }
    // A whole paragraph (or the rest of one) from i.
    const rest = it.count - it.index;
    const room = linesPerPage - slot;
    if (room <= 0) {
      toNewPage();
      continue;
    }
    if (it.keepWithNext && slot > 0) {
      // The label and what must come with it: the next paragraph's first line, or its first two when it has
      // three or more (its first line may not stand alone either).
      const next = flow[i + 1];
      const need = 1 + (next ? Math.min(next.count - next.index, next.count >= 3 ? 2 : 1) : 0);
      if (room < need) {
        toNewPage();
        continue;
      }
    }
    let take = Math.min(rest, room);
    // A line that must stay with the one before it takes that line along to the next page.
    while (take > 0 && take < rest && flow[i + take]!.keepWithPrev) take--;
    if (take < rest && it.count >= 3) {
      if (it.index === 0 && take === 1) take = 0; // orphan
      if (rest - take === 1) take -= 1; // widow
      if (it.index === 0 && take === 1) take = 0;
    }
    // On an empty page every rule yields: a page that cannot hold the lines together must hold them apart.
    if (take <= 0 && (slot === 0 || (head !== undefined && slot === top))) take = Math.min(rest, room);
    if (take <= 0) {
      if (head) {
        slot -= head;
        top = slot;
      }
      toNewPage();
      continue;
    }
    for (let k = 0; k < take; k++) placements.push({ item: i + k, page, slot: slot + k, ...(k === 0 && head ? { head } : {}) });
    slot += take;
    i += take;
  }
  if (pending) toNewPage();
  let footerPage = page;
  if (opts.footerSlots > 0 && slot + opts.footerSlots > linesPerPage) footerPage = page + 1;
  return { placements, pages: Math.max(page, footerPage) + 1, footerPage };
}

/** Whether the line at `i` is a fence, or blank lines kept with one (the space above a signature goes with it). */
function fenceAt(flow: FlowItem[], i: number): boolean {
  let j = i;
  while (flow[j]?.blank) j++;
  return flow[j]?.fence === true;
}

/** Lines of the unit that begins at `i`: it and the keep-with-previous lines after it. */
function unitLength(flow: FlowItem[], i: number): number {
  let n = 1;
  while (i + n < flow.length && flow[i + n]!.keepWithPrev && flow[i + n]!.para === flow[i]!.para) n++;
  return n;
}
