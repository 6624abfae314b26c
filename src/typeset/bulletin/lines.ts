/** Lines of the flowing part of the bulletin (contents and body), each taking one grid line. */
import type { FlowItem } from '../paginate.js';
import type { SetLine, SetParagraph } from '../paragraph.js';
import type { MissingChar, OutlineNode } from '../types.js';

export interface BodyLine extends FlowItem {
  line: SetLine;
  /** Text size, for the baseline within the grid line. */
  size: number;
  /** Named destination at this line. */
  anchor?: string;
  /** The whole line links to this anchor. */
  link?: string;
}

/** Collects lines, numbering paragraphs as they come. */
export class Flow {
  readonly lines: BodyLine[] = [];
  readonly missing: MissingChar[] = [];
  readonly outline: OutlineNode[] = [];
  private para = 0;

  add(p: SetParagraph, size: number, extra: { anchor?: string; link?: string; keepWithNext?: boolean } = {}): void {
    const para = this.para++;
    this.missing.push(...p.missing);
    p.lines.forEach((line, index) => {
      const l: BodyLine = { line, size, para, index, count: p.lines.length };
      if (index === 0 && extra.anchor) l.anchor = extra.anchor;
      if (extra.link) l.link = extra.link;
      if (extra.keepWithNext) l.keepWithNext = true;
      this.lines.push(l);
    });
  }
}
