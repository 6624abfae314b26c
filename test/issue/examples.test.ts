import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeIssue } from '../../src/compose/index.js';
import { loadIssue } from '../../src/issue/load.js';
import { examples, repoRoot } from '../fixtures/tmp.js';

/** Every span text inside a block (or any part of a BulletinDoc), in order. */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    return typeof o.text === 'string' && typeof o.role === 'string' ? [o.text] : Object.values(o).flatMap(texts);
  }
  return [];
}

interface SeedItem {
  title?: string;
  body?: string;
  text?: string;
  source: string;
}
interface Seed {
  masthead: { title: string; subtitle: string; issue: number; yearIssue: number; date: string; publishers: string[] };
  sections: { name: string; items: SeedItem[] }[];
  footer: Record<string, unknown> & { editors: string[]; serial: string };
}

const seed = JSON.parse(readFileSync(path.resolve(repoRoot, 'test/fixtures/seed.json'), 'utf8')) as Seed;

describe('examples/gusu-022.yaml (the reference issue)', async () => {
  const loaded = await loadIssue(path.join(examples, 'gusu-022.yaml'));
  const issue = loaded.issue!;

  it('loads without any diagnostic', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(issue).toBeDefined();
  });

  it('has exactly the text of the seed: title, body and source of every item', () => {
    expect(issue.sections.map((s) => s.label)).toEqual(seed.sections.map((s) => s.name));
    issue.sections.forEach((section, si) => {
      const seedItems = seed.sections[si]!.items;
      expect(section.items).toHaveLength(seedItems.length);
      section.items.forEach((item, ii) => {
        const want = seedItems[ii]!;
        expect(item.title?.text).toBe(want.title);
        expect(item.paragraphs.map((p) => p.text).join('')).toBe(want.body ?? want.text);
        expect(item.paragraphs).toHaveLength(1);
        expect(item.source?.text).toBe(want.source);
        expect((item.title?.text ?? '') + item.paragraphs.map((p) => p.text).join('') + item.source!.text).toBe(
          (want.title ?? '') + (want.body ?? want.text) + want.source,
        );
      });
    });
  });

  it('has the masthead and footer of the seed', () => {
    expect(issue.series.name).toBe(seed.masthead.title);
    expect(issue.series.seriesLine).toBe(seed.masthead.subtitle);
    expect(issue.series.offices).toEqual(seed.masthead.publishers);
    expect(issue.number).toBe(seed.masthead.issue);
    expect(issue.yearNumber).toBe(seed.masthead.yearIssue);
    expect(issue.date.iso).toBe(seed.masthead.date);
    expect(issue.series.distribution.map((d) => [d.label, d.recipients.text])).toEqual([
      ['送', seed.footer['送']],
      ['发', seed.footer['发']],
    ]);
    expect(issue.series.editors).toEqual(seed.footer.editors);
    expect(issue.series.serial).toBe(seed.footer.serial);
    // The reference issue carries its own settings (the demo series shows a shared series file).
    expect(issue.series.seriesFile).toBeUndefined();
  });

  it('formats the date and the issue line', () => {
    const masthead = texts(composeIssue(issue).blocks[0]!);
    expect(masthead).toContain('2026 年 5 月 21 日');
    expect(masthead).toContain('第 22 期（2026 年 48 期）');
    expect(issue.date).toEqual({ year: 2026, month: 5, day: 21, iso: '2026-05-21' });
  });

  it('numbers items continuously across numbered sections and skips the briefs', () => {
    const numbers = issue.sections.map((s) => s.items.map((i) => i.number ?? null));
    expect(numbers).toEqual([[1, 2, 3, 4, 5, 6], [null, null, null], [7]]);
    expect(issue.sections.map((s) => [s.numbered, s.listed, s.style])).toEqual([
      [true, true, 'items'],
      [false, false, 'bullets'],
      [true, true, 'items'],
    ]);
    const ids = issue.sections.flatMap((s) => s.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('item-1');
  });

  it('derives the contents: 【动态】 1–6, then 【摘报】 7, no 【简讯】', () => {
    const contents = composeIssue(issue).blocks.find((b) => b.kind === 'contents');
    if (contents?.kind !== 'contents') throw new Error('no contents');
    const rows = contents.entries.map((e) => `${e.number ? `${e.number.text} ` : ''}${e.paragraph.spans.map((s) => s.text).join('')}`);
    expect(rows).toEqual([
      '【动态】',
      '1. 我区深化先锋聚力“三服务”专项行动以“党建强”带动“发展强”',
      '2. 区发改局推动金融服务超市姑苏站建设取得较好成效',
      '3. 区民卫局深耕家庭医生服务筑牢民生健康防线',
      '4. 区市场监管局推动新就业群体参与食安共治筑牢食品安全防护网',
      '5. 金阊街道“三聚焦”推动古城“甜蜜经济”提质升温',
      '6. 白洋湾街道多维发力营造“爱读书、读好书、善读书”良好氛围',
      '【摘报】',
      '7. 北京推出22项举措优化人才服务与劳动者权益保障',
    ]);
    const targets = new Set(issue.sections.flatMap((s) => [s.id, ...s.items.map((i) => i.id)]));
    for (const entry of contents.entries) expect(targets.has(entry.paragraph.link!)).toBe(true);
  });

  it('applies defaults: red CMYK, GB/T 9704 page, font candidates per role', () => {
    expect(issue.series.colour).toEqual({ space: 'cmyk', values: [0, 100, 100, 0] });
    expect(issue.series.page).toMatchObject({ widthMm: 210, heightMm: 297, topMm: 37, leftMm: 28, typeWidthMm: 156, typeHeightMm: 225, bodySizePt: 16, charsPerLine: 28, linesPerPage: 22, pageNumbers: 'outside' });
    expect(issue.series.fonts.body[0]).toBe('仿宋_GB2312');
    expect(issue.series.fonts.masthead[0]).toBe('方正小标宋简体');
    expect(issue.series.rules).toEqual({});
  });

  it('points a body character back at its line and column in the YAML', () => {
    const item = issue.sections[0]!.items[1]!;
    const p = item.paragraphs[0]!;
    const lines = readFileSync(path.join(examples, 'gusu-022.yaml'), 'utf8').split('\n');
    const at = loaded.sources.position(p.ref, 36);
    expect(lines[at.line - 1]!.slice(at.column - 1).startsWith(p.text.slice(36, 46))).toBe(true);
    const title = loaded.sources.position(item.title!.ref);
    expect(lines[title.line - 1]!.slice(title.column - 1)).toBe(item.title!.text);
  });
});

describe('examples/demo (平江信息, two consecutive issues)', async () => {
  const five = await loadIssue(path.join(examples, 'demo/pingjiang-005.yaml'));
  const six = await loadIssue(path.join(examples, 'demo/pingjiang-006.yaml'));

  it('both load cleanly from their own series file', () => {
    expect(five.diagnostics).toEqual([]);
    expect(six.diagnostics).toEqual([]);
    expect(five.issue!.series.name).toBe('平江信息');
    expect(five.issue!.series.securityMark).toBe('内部资料　注意保存');
    expect(five.issue!.series.distribution.map((d) => d.label)).toEqual(['报', '送', '抄送']);
    expect(six.issue!.number).toBe(five.issue!.number + 1);
  });

  it('lets an issue override a series setting (printCount 60 → 80)', () => {
    expect(five.issue!.series.printCount).toBe(60);
    expect(six.issue!.series.printCount).toBe(80);
  });

  it('carries an editor’s note and a body given as a list of paragraphs', () => {
    const item = six.issue!.sections[0]!.items[0]!;
    expect(item.note?.text).toMatch(/^城市更新事关群众切身利益/);
    expect(item.paragraphs).toHaveLength(2);
    expect(item.paragraphs[1]!.ref.path).toEqual(['sections', 0, 'items', 0, 'body', 1]);
  });

  it('splits a block body into paragraphs at blank lines', () => {
    const item = five.issue!.sections[0]!.items[0]!;
    expect(item.paragraphs.map((p) => p.text.slice(0, 4))).toEqual(['会议通报', '会议要求']);
    expect(texts(composeIssue(five.issue!).blocks[0]!)).toContain('第 5 期（2026 年 12 期）');
  });
});
