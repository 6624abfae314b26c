/** Lines of the flowing part of the document (between the masthead and the footer), each taking one grid line. */
import type { FlowItem } from './paginate.js';
import type { SetLine, SetParagraph } from './paragraph.js';
import type { MissingChar } from './types.js';

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
}

interface Extra {
  anchor?: string;
  link?: string;
  keepWithNext?: boolean;
}

/**
 * Sets a paragraph; given `narrowFrom`, breaks the lines from that index one character narrower (so the
 * paragraph may run one line longer). Only body text offers it: labels and contents lines are set as they are.
 */
export type ParagraphMaker = (narrowFrom?: number) => SetParagraph;

interface Para {
  make: ParagraphMaker;
  set: SetParagraph;
  size: number;
  extra: Extra;
  loosenable: boolean;
  /** Set by `loosen`: lines from this index are broken narrower. */
  narrowFrom?: number;
}

/** Collects paragraphs, and turns them into grid lines for pagination. */
export class Flow {
  readonly paras: Para[] = [];

  add(make: ParagraphMaker, size: number, extra: Extra = {}, loosenable = false): void {
    this.paras.push({ make, set: make(), size, extra, loosenable });
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
        if (p.extra.link) l.link = p.extra.link;
        if (p.extra.keepWithNext) l.keepWithNext = true;
        if (line.trailerOnly) l.keepWithPrev = true;
        out.push(l);
      });
    }
    return out;
  }

  /**
   * Makes paragraph `i` one line longer by breaking as few of its last lines as possible one character
   * narrower. Returns an undo function, or undefined when it cannot.
   */
  loosen(i: number): (() => void) | undefined {
    const p = this.paras[i];
    if (!p || !p.loosenable || p.narrowFrom !== undefined) return undefined;
    const n = p.set.lines.length;
    const before = p.set;
    for (let from = n - 1; from >= 0; from--) {
      const set = p.make(from);
      if (set.lines.length === n + 1) {
        p.set = set;
        p.narrowFrom = from;
        return () => {
          p.set = before;
          delete p.narrowFrom;
        };
      }
      if (set.lines.length > n + 1) return undefined;
    }
    return undefined;
  }
}
