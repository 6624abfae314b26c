import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { tempFiles } from '../fixtures/tmp.js';

const HEAD = `name: 测试信息
offices: [测试办公室]
number: 1
date: 2026-05-21
sections:
  - label: 动态
    items:
`;

async function loadItems(items: string) {
  const dir = tempFiles({ 'i.yaml': HEAD + items });
  const result = await loadIssue(path.join(dir, 'i.yaml'), { noSeries: true });
  expect(result.diagnostics).toEqual([]);
  const text = (HEAD + items).split('\n');
  /** The source text at the position the map gives for character `offset` of a Text. */
  const charAt = (t: { ref: Parameters<typeof result.sources.position>[0] }, offset: number) => {
    const { line, column } = result.sources.position(t.ref, offset);
    return text[line - 1]![column - 1];
  };
  return { issue: result.issue!, charAt, sources: result.sources };
}

describe('SourceMap.position: a character inside a scalar → its line:column', () => {
  it('plain scalar', async () => {
    const { issue, charAt, sources } = await loadItems('      - title: 甲乙丙丁\n        body: 一二三四五\n');
    const item = issue.sections[0]!.items[0]!;
    expect(charAt(item.title!, 2)).toBe('丙');
    expect(sources.position(item.paragraphs[0]!.ref, 4)).toEqual({ line: 9, column: 19 });
  });

  it('double-quoted scalar with escapes', async () => {
    const { issue, charAt } = await loadItems('      - title: "甲\\"乙\\u4e19丁"\n        body: x\n');
    const t = issue.sections[0]!.items[0]!.title!;
    expect(t.text).toBe('甲"乙丙丁');
    expect(charAt(t, 2)).toBe('乙');
    expect(charAt(t, 4)).toBe('丁');
  });

  it("single-quoted scalar with ''", async () => {
    const { issue, charAt } = await loadItems("      - title: '甲''乙丙'\n        body: x\n");
    const t = issue.sections[0]!.items[0]!.title!;
    expect(t.text).toBe("甲'乙丙");
    expect(charAt(t, 3)).toBe('丙');
  });

  it('literal block: paragraphs, lines joined without spaces, each character found', async () => {
    const { issue, charAt } = await loadItems(
      '      - title: 标题\n        body: |\n          第一段第一行\n          第一段第二行\n\n          第二段 AED 使用\n          English words\n',
    );
    const [p1, p2] = issue.sections[0]!.items[0]!.paragraphs;
    expect(p1!.text).toBe('第一段第一行第一段第二行');
    expect(p2!.text).toBe('第二段 AED 使用English words');
    expect(charAt(p1!, 7)).toBe('一');
    expect(charAt(p1!, 6)).toBe('第');
    expect(charAt(p2!, 4)).toBe('A');
    expect(charAt(p2!, 10)).toBe('E');
    expect(charAt(p2!, 18)).toBe('w');
    expect(p2!.ref.offset).toBe(15);
  });

  it('folded block and multi-line plain: a folded break between Chinese characters is not a space', async () => {
    const { issue, charAt } = await loadItems('      - title: 标题\n        body: >\n          甲乙\n          丙丁 and\n          more\n        source: 一二\n          三四\n');
    const item = issue.sections[0]!.items[0]!;
    expect(item.paragraphs[0]!.text).toBe('甲乙丙丁 and more');
    expect(charAt(item.paragraphs[0]!, 2)).toBe('丙');
    expect(charAt(item.paragraphs[0]!, 9)).toBe('m');
    expect(item.source!.text).toBe('一二三四');
    expect(charAt(item.source!, 3)).toBe('四');
  });

  it('a list body: each paragraph points into its own list item', async () => {
    const { issue, charAt } = await loadItems('      - body:\n          - 第一段\n          - "第二段"\n');
    const [p1, p2] = issue.sections[0]!.items[0]!.paragraphs;
    expect(charAt(p1!, 1)).toBe('一');
    expect(charAt(p2!, 2)).toBe('段');
  });
});
