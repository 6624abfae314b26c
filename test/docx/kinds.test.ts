/** The .docx plan of an article issue: each new block in its own named style, laid out as the PDF lays it out. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { composeIssue } from '../../src/compose/index.js';
import { planDocument } from '../../src/docx/plan.js';
import { examples } from '../fixtures/tmp.js';

describe('.docx plan of a 通报', async () => {
  const loaded = await loadIssue(path.join(examples, 'tongbao/tongbao-003.yaml'));
  const doc = composeIssue(loaded.issue!);
  const plan = planDocument(doc);
  const text = (p: (typeof plan.paragraphs)[number]): string => p.runs.map((r) => (typeof r.text === 'string' ? r.text : '\t')).join('');

  it('the title and subtitle centred in their styles, the title in 2号 小标宋', () => {
    const title = plan.paragraphs.find((p) => p.style === 'articleTitle')!;
    expect(text(title)).toBe('消防安全警钟长鸣\u3000齐抓共管防患未然');
    expect(title.look.align).toBe('center');
    expect(title.main).toMatchObject({ role: 'masthead', size: 44 });
    expect(plan.paragraphs.find((p) => p.style === 'articleSubtitle')!.look.align).toBe('center');
  });

  it('the attachments hang after their numbers; the signature is the organ, then the date two characters right of it', () => {
    const att = plan.paragraphs.filter((p) => p.style === 'attachments');
    expect(att.map(text)).toEqual(['附件：1.\t全区消防安全专项督查发现问题清单', '2.\t各街道整改情况报告表']);
    const sig = plan.paragraphs.filter((p) => p.style === 'signature');
    expect(sig.map(text)).toEqual(['苏州市姑苏区人民政府督查室', '2026 年 5 月 20 日']);
    expect(sig[0]!.keepNext).toBe(true);
    expect(sig[1]!.look.left - sig[0]!.look.left).toBe(Math.round(2 * doc.grid.pitch * 20));
  });

  it('blank lines are empty paragraphs as tall as they are', () => {
    const i = plan.paragraphs.findIndex((p) => p.style === 'articleTitle');
    // Two blank lines between the red rule and the title.
    expect(plan.paragraphs[i - 1]!.runs).toEqual([]);
    expect(plan.paragraphs[i - 1]!.look.line).toBe(2 * plan.gridLine);
  });
});
