import { beforeAll, expect, test } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { layoutIssue } from './layout-issue.js';
import { LayoutCache } from '../../src/typeset/layout-cache.js';
import { fakeFonts } from './fake-font.js';

let issue: Issue;
beforeAll(async () => {
  issue = (await loadIssue('examples/gusu-022.yaml')).issue!;
});

test('a layout with the cache is the layout without it; the second one sets nothing again', () => {
  const fonts = fakeFonts();
  const cache = new LayoutCache();
  const plain = layoutIssue(issue, fonts);
  const first = layoutIssue(issue, fonts, cache);
  expect(first).toEqual(plain);
  const misses = cache.misses;
  const second = layoutIssue(issue, fonts, cache);
  expect(second).toEqual(plain);
  expect(cache.misses).toBe(misses);
});

test('after an edit only the edited paragraph is set again, and the result is what a fresh layout gives', () => {
  const fonts = fakeFonts();
  const cache = new LayoutCache();
  layoutIssue(issue, fonts, cache);
  const edited = structuredClone(issue);
  edited.sections[0]!.items[2]!.paragraphs[0]!.text = edited.sections[0]!.items[2]!.paragraphs[0]!.text.replace('1300', '1400');
  const before = cache.misses;
  const again = layoutIssue(edited, fonts, cache);
  // The paragraph itself, plus the looser versions pagination may try of it.
  expect(cache.misses - before).toBeGreaterThanOrEqual(1);
  expect(cache.misses - before).toBeLessThanOrEqual(6);
  expect(again).toEqual(layoutIssue(edited, fonts));
});
