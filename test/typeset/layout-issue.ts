/** An issue composed and typeset, as the build does it (the typesetter itself takes a BulletinDoc). */
import { composeIssue } from '../../src/compose/index.js';
import type { Issue } from '../../src/issue/model.js';
import type { LayoutCache } from '../../src/typeset/layout-cache.js';
import { typesetDoc } from '../../src/typeset/layout.js';
import type { Fonts, Layout } from '../../src/typeset/types.js';

export function layoutIssue(issue: Issue, fonts: Fonts, cache?: LayoutCache): Layout {
  return typesetDoc(composeIssue(issue), fonts, cache);
}
