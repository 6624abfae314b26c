/**
 * Memo of set paragraphs, for rebuilds in one process (`bulletin build --watch`): an edit changes a paragraph or
 * two, and setting the others again would give the same lines. Setting a paragraph is a pure function of its spec
 * and the fonts, so the spec (with the fonts' identity) is the key. The caller owns the cache and passes it in;
 * a one-off build passes none. Cached paragraphs are shared: nothing may mutate a SetParagraph after it is made.
 */
import type { SetParagraph } from './paragraph.js';

/** Past this many entries the memo starts over (a long watch session must not grow without bound). */
const LIMIT = 20_000;

export class LayoutCache {
  private readonly paragraphs = new Map<string, SetParagraph>();
  hits = 0;
  misses = 0;

  get(key: string): SetParagraph | undefined {
    const p = this.paragraphs.get(key);
    if (p) this.hits++;
    else this.misses++;
    return p;
  }

  set(key: string, p: SetParagraph): void {
    if (this.paragraphs.size >= LIMIT) this.paragraphs.clear();
    this.paragraphs.set(key, p);
  }
}
