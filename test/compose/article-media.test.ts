/**
 * Photos and tables in an article (issues 14 and 15 together): a 专报's photo is set where it was written among
 * the body's paragraphs, below the title and above the signature, and the layout keeps it inside the type area.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { composeIssue } from '../../src/compose/index.js';
import { loadIssue } from '../../src/issue/load.js';
import { typesetDoc } from '../../src/typeset/layout.js';
import { fakeFonts } from '../typeset/fake-font.js';
import type { ImageBox } from '../../src/typeset/types.js';
import { examples, tempFiles } from '../fixtures/tmp.js';

const ISSUE = `series: false
name: 测试专报
offices:
  - 测试办公室
number: 3
date: 2026-05-21
sections:
  - style: article
    items:
      - title: 关于背街小巷整治的情况报告
        addressee: 区委、区政府：
        body:
          - photo:
              file: street.jpg
              caption: 巡查组检查沿街商户
          - 今年以来，区城管局对背街小巷开展集中整治。
          - table:
              header: [街道, 点位]
              rows:
                - [平江, 12]
                - [金阊, 9]
          - 下一步，将建立长效机制。
        signature:
          organ: 区城管局
          date: 2026-05-20
`;

it('sets an article’s photo and table where they were written, between the title and the signature', async () => {
  const dir = tempFiles({ 'issue.yaml': ISSUE, 'street.jpg': readFileSync(path.join(examples, 'photos/img/street.jpg')) });
  const loaded = await loadIssue(path.join(dir, 'issue.yaml'));
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const doc = composeIssue(loaded.issue!);
  const kinds = doc.blocks.map((b) => b.kind).filter((k) => k !== 'space' && k !== 'masthead' && k !== 'footer');
  // The addressee is a paragraph of its own; the photo was written ahead of the first body paragraph.
  expect(kinds).toEqual(['title', 'paragraph', 'figure', 'paragraph', 'table', 'paragraph', 'signature']);
  const title = doc.blocks.find((b) => b.kind === 'title')!;
  expect(title.anchor).toBeDefined();

  const layout = typesetDoc(doc, fakeFonts());
  const images = layout.pages.flatMap((p) => p.items.filter((i): i is ImageBox => i.kind === 'image'));
  expect(images).toHaveLength(1);
  const g = doc.grid;
  expect(images[0]!.x).toBeGreaterThanOrEqual(g.left - 1e-6);
  expect(images[0]!.x + images[0]!.w).toBeLessThanOrEqual(g.left + g.width + 1e-6);
  expect(images[0]!.y + images[0]!.h).toBeLessThanOrEqual(g.top + g.height + 1e-6);
});
