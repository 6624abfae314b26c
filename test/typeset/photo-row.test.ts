/**
 * Photos side by side with a width written for one of them (issue 14): that photo keeps its width, the other fills
 * the rest of the type width, and the two stand on one line so their captions line up.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { composeIssue } from '../../src/compose/index.js';
import type { FigureBlock } from '../../src/compose/doc.js';
import { loadIssue } from '../../src/issue/load.js';
import { typesetDoc } from '../../src/typeset/layout.js';
import type { GlyphRun, ImageBox } from '../../src/typeset/types.js';
import { fakeFonts } from './fake-font.js';
import { ISSUE_HEAD, repoRoot, tempFiles } from '../fixtures/tmp.js';

const ISSUE = `series: false
${ISSUE_HEAD}      - title: 标题一
        body:
          - 第一段。
          - photos:
              - {file: a.jpg, width: 8, caption: 横图说明}
              - {file: b.jpg, caption: 另一张}
          - 第二段。
`;

it('keeps a written width in a row, fills the rest with the other photo, and lines up the captions', async () => {
  const street = readFileSync(path.join(repoRoot, 'test/fixtures/media/street.jpg'));
  const dir = tempFiles({ 'issue.yaml': ISSUE, 'a.jpg': street, 'b.jpg': street });
  const loaded = await loadIssue(path.join(dir, 'issue.yaml'));
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const doc = composeIssue(loaded.issue!);
  const g = doc.grid;
  const fig = doc.blocks.find((b): b is FigureBlock => b.kind === 'figure')!;
  expect(fig.photos[0]!.width).toBeCloseTo(8 * g.pitch, 6);
  expect(fig.photos[1]!.width).toBeCloseTo(g.width - fig.gap - 8 * g.pitch, 6);
  expect(fig.photos[1]!.height).toBeGreaterThan(fig.photos[0]!.height);

  const layout = typesetDoc(doc, fakeFonts());
  const page = layout.pages[0]!.items;
  const images = page.filter((i): i is ImageBox => i.kind === 'image');
  expect(images).toHaveLength(2);
  expect(images[0]!.y + images[0]!.h).toBeCloseTo(images[1]!.y + images[1]!.h, 6);
  const captionY = (s: string): number => page.find((i): i is GlyphRun => i.kind === 'run' && i.texts.join('').includes(s))!.y;
  expect(captionY('横图说明')).toBeCloseTo(captionY('另一张'), 6);
});
