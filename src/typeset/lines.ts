/** Lines of the flowing part of the document (between the masthead and the footer), each taking one grid line. */
import type { FlowItem } from './paginate.js';
import type { SetLine, SetParagraph } from './paragraph.js';
import type { MissingChar, PageItem } from './types.js';

/**
 * Something drawn over a whole number of grid lines and never split (a photo with its caption, a table's rows):
 * `items` have page x and y from the top of the first of its `slots` lines. `float`: when it does not fit on the
 * page, the text after it fills the page and it goes to the top of the next. `head`: items drawn above it, in
 * `slots` lines of their own, when it begins a page (a table's repeated header row).
 */
export interface BoxUnit {
  slots: number;
  items: PageItem[];
  float?: boolean;
  head?: { slots: number; items: PageItem[] };
  missing?: MissingChar[];
}

export interface BodyLine extends FlowItem {
  line: SetLine;
  /** Text size, for the baseline within the grid line. */
  size: number;
  /** Named destination at this line. */
  anchor?: string;
  /** Several destinations at this line (those of empty paragraphs before it, carried over, and its own). */
  anchors?: string[];
  /** The whole line links to this anchor. */
  link?: string;
  /** On the first line of a box unit: what to draw from the top of that line. */
  box?: BoxUnit;
}

interface Extra {
  anchor?: string;
  link?: string;
  keepWithNext?: boolean;
  /** Empty lines (a SpaceBlock). */
  blank?: boolean;
  /** A photo or table may not float past this paragraph (see FlowItem.fence). */
  fence?: boolean;
}

/** Sets a paragraph. */
export type ParagraphMaker = () => SetParagraph;

interface Para {
  set: SetParagraph;
  size: number;
  extra: Extra;
  /** Body text may be set a line longer or shorter to fill a page; labels and contents lines are set as they are. */
  adjustable: boolean;
  /** Set by `adjust`. */
  adjusted?: boolean;
  box?: BoxUnit;
}

/** Collects paragraphs, and turns them into grid lines for pagination. */
export class Flow {
  readonly paras: Para[] = [];

  add(make: ParagraphMaker, size: number, extra: Extra = {}, adjustable = false): void {
    this.paras.push({ set: make(), size, extra, adjustable });
  }

  /** Paragraphs added so far (a mark for `fence`). */
  get length(): number {
    return this.paras.length;
  }

  /** Makes paragraph `i` a fence: a floating photo or table waiting for the next page stays above it. */
  fence(i: number): void {
    const p = this.paras[i];
    if (p) p.extra = { ...p.extra, fence: true };
  }

  /** A box unit: `slots` empty lines that go to a page together. */
  addBox(unit: BoxUnit): void {
    const lines = Array.from({ length: Math.max(1, unit.slots) }, () => ({ runs: [], start: 0, end: 0 }));
    this.paras.push({ set: { lines, missing: unit.missing ?? [] }, size: 0, extra: {}, adjustable: false, box: unit });
  }

  get missing(): MissingChar[] {
    return this.paras.flatMap((p) => p.set.missing);
  }

  /** The grid lines of paragraphs `from` on (all of them by default). */
  lines(from = 0): BodyLine[] {
    const out: BodyLine[] = [];
    // The anchors of paragraphs that set no line (empty text) go to the next line, so no link dangles; empty
    // paragraphs just before `from` count too, since their anchors land on its first line.
    let start = from;
    while (start > 0 && this.paras[start - 1]!.set.lines.length === 0) start--;
    let pending: string[] = [];
    for (let para = start; para < this.paras.length; para++) {
      const p = this.paras[para]!;
      if (p.set.lines.length === 0) {
        if (p.extra.anchor) pending.push(p.extra.anchor);
        continue;
      }
      p.set.lines.forEach((line, index) => {
        const l: BodyLine = { line, size: p.size, para, index, count: p.set.lines.length };
        if (index === 0) {
          const anchors = [...pending, ...(p.extra.anchor ? [p.extra.anchor] : [])];
          if (anchors.length === 1) l.anchor = anchors[0]!;
          else if (anchors.length > 1) l.anchors = anchors;
          pending = [];
        }
        if (p.box) {
          if (index === 0) {
            l.box = p.box;
            if (p.box.float) l.float = true;
            if (p.box.head) l.head = p.box.head.slots;
          } else l.keepWithPrev = true;
        }
        if (p.extra.link) l.link = p.extra.link;
        if (p.extra.keepWithNext) l.keepWithNext = true;
        if (p.extra.blank) l.blank = true;
        if (index === 0 && p.extra.fence) l.fence = true;
        if (line.trailerOnly) l.keepWithPrev = true;
        out.push(l);
      });
    }
    return out;
  }

  /**
   * Sets paragraph `i` in `delta` more (or fewer) lines, every line still on the grid (SetParagraph.variant).
   * Returns an undo function, or undefined when it cannot.
   */
  adjust(i: number, delta: number): (() => void) | undefined {
    const p = this.paras[i];
    if (!p || !p.adjustable || p.adjusted) return undefined;
    const set = p.set.variant?.(delta);
    if (!set) return undefined;
    const before = p.set;
    p.set = set;
    p.adjusted = true;
    return () => {
      p.set = before;
      delete p.adjusted;
    };
  }
}
