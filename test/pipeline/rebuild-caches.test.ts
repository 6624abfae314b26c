import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildIssue } from '../../src/pipeline/build-issue.js';
import { LayoutCache } from '../../src/typeset/layout-cache.js';

const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-rebuild-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('rebuilds that reuse set paragraphs, memoized subsets and their deflated bytes write the same file as a one-off build', async () => {
  const one = path.join(dir, 'one.pdf');
  expect((await buildIssue('examples/gusu-022.yaml', { output: one })).ok).toBe(true);
  const layoutCache = new LayoutCache();
  const outs = [0, 1, 2].map((i) => path.join(dir, `re-${i}.pdf`));
  for (const output of outs) expect((await buildIssue('examples/gusu-022.yaml', { output, layoutCache })).ok).toBe(true);
  expect(layoutCache.hits).toBeGreaterThan(0);
  const want = readFileSync(one);
  for (const o of outs) expect(readFileSync(o).equals(want)).toBe(true);
});
