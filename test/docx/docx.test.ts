/**
 * The .docx of the reference issue, read back as XML: the page and its grid, the fonts by East-Asian name, the named
 * styles, the even/odd page-number footers, and every item's text in order.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulletinDoc } from '../../src/compose/doc.js';
import { composeIssue } from '../../src/compose/index.js';
import { docxFonts, writeDocx } from '../../src/docx/index.js';
import { DEFAULT_FONTS } from '../../src/issue/defaults.js';
import { loadIssue } from '../../src/issue/load.js';
import { examples } from '../fixtures/tmp.js';
import { attrs, effective, paragraphs, readDocx, styleXml } from './read-docx.js';

const issue = (await loadIssue(path.join(examples, 'gusu-022.yaml'))).issue!;
const doc = composeIssue(issue);
const date = new Date(Date.UTC(2026, 4, 21));
const build = (d: BulletinDoc = doc, fonts = DEFAULT_FONTS) => writeDocx(d, { fonts: docxFonts(fonts), date });

describe('the .docx of examples/gusu-022.yaml', async () => {
  const bytes = await build();
  const docx = readDocx(bytes);
  const body = docx.part('word/document.xml');
  const styles = docx.part('word/styles.xml');
  const paras = paragraphs(body);

  it('is an A4 page with the GB/T 9704 margins: 37 mm top, 28 mm left, a 156 × 225 mm type area', () => {
    const tw = (mm: number) => Math.round((mm * 72 * 20) / 25.4);
    expect(attrs(body, 'w:pgSz')).toMatchObject({ 'w:w': String(tw(210)), 'w:h': String(tw(297)) });
    expect(attrs(body, 'w:pgMar')).toMatchObject({ 'w:top': String(tw(37)), 'w:left': String(tw(28)), 'w:right': String(tw(210 - 28 - 156)), 'w:bottom': String(tw(297 - 37 - 225)) });
  });

  it('holds 22 lines a page on a line grid, every paragraph exactly on it', () => {
    const grid = attrs(body, 'w:docGrid');
    expect(grid['w:type']).toBe('lines');
    const pitch = Number(grid['w:linePitch']);
    const typeHeight = (225 * 72 * 20) / 25.4;
    // 22 lines fit the type area, and the pitch is as large as that allows (a 23rd would not fit).
    expect(22 * pitch).toBeLessThanOrEqual(typeHeight);
    expect(22 * (pitch + 1)).toBeGreaterThan(typeHeight);
    expect(attrs(styles.slice(styles.indexOf('<w:pPrDefault>')), 'w:spacing')).toMatchObject({ 'w:line': String(pitch), 'w:lineRule': 'exact' });
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:widowControl w:val="false"\/>/);
    // No paragraph of the body leaves the grid for a line height of its own, but the masthead's name (three lines)
    // and its rule (one line, the border inside it).
    const heights = new Set([...body.matchAll(/<w:spacing [^>]*w:line="(\d+)"/g)].map((m) => Number(m[1])));
    for (const h of heights) expect(h === 3 * pitch || h < pitch || h === 20).toBe(true);
  });

  it('sets 28 characters a line: the body style\'s character spacing puts 28 at 3号 in the measure, and not 29', () => {
    const run = effective(styles, 'BulletinBody', 'rPr');
    const size = Number(attrs(run, 'w:sz')['w:val']) * 10; // twips
    const spacing = Number(attrs(run, 'w:spacing')['w:val']);
    const measure = (156 * 72 * 20) / 25.4;
    expect(size).toBe(320);
    expect(28 * (size + spacing)).toBeLessThanOrEqual(measure);
    expect(29 * (size + spacing)).toBeGreaterThan(measure);
    // Only text on the grid is condensed: not the 4号 报尾 (nor, through the defaults, anything else).
    const rPrDefault = styles.slice(styles.indexOf('<w:rPrDefault>'), styles.indexOf('</w:rPrDefault>'));
    expect(rPrDefault).not.toMatch(/<w:spacing /);
    expect(styleXml(styles, 'Distribution')).not.toMatch(/<w:spacing w:val=/);
  });

  it('narrows a masthead name wider than the type area, and centres its ink', async () => {
    const banner = (b: Uint8Array) => paragraphs(readDocx(b).part('word/document.xml')).find((p) => p.style === 'MastheadName')!;
    const long = structuredClone(doc);
    const row = long.blocks[0]!.kind === 'masthead' ? long.blocks[0]!.rows.find((r) => r.kind === 'banner')! : undefined;
    if (row?.kind !== 'banner') throw new Error('no banner row');
    row.span.text = '姑苏区发展和改革信息动态';
    expect(banner(bytes).xml + styleXml(styles, 'MastheadName')).not.toMatch(/<w:w /);
    const narrowed = await build(long);
    const scale = Number(attrs(banner(narrowed).xml + styleXml(readDocx(narrowed).part('word/styles.xml'), 'MastheadName'), 'w:w')['w:val']);
    expect(scale).toBeGreaterThan(50);
    expect(scale).toBeLessThan(100);
    // Word spaces after every character, the last too: the indent as wide as that spacing puts the ink in the middle.
    const name = styleXml(readDocx(bytes).part('word/styles.xml'), 'MastheadName');
    expect(attrs(name, 'w:ind')['w:left']).toBe(attrs(name.slice(name.indexOf('<w:rPr>')), 'w:spacing')['w:val']);
  });

  it('names the fonts by their East-Asian names, with a Latin face for digits', () => {
    const eastAsia = (id: string) => attrs(effective(styles, id, 'rPr'), 'w:rFonts');
    expect(eastAsia('BulletinBody')).toMatchObject({ 'w:eastAsia': '仿宋_GB2312', 'w:ascii': 'Times New Roman', 'w:hint': 'eastAsia' });
    expect(eastAsia('ItemTitle')['w:eastAsia']).toBe('黑体');
    expect(eastAsia('SectionLabel')['w:eastAsia']).toBe('黑体');
    expect(eastAsia('MastheadName')['w:eastAsia']).toBe('方正小标宋简体');
    expect(eastAsia('Contents2')['w:eastAsia']).toBe('楷体_GB2312');
    expect(eastAsia('PageNumber')['w:eastAsia']).toBe('宋体');
    expect(attrs(styles.slice(styles.indexOf('<w:rPrDefault>')), 'w:rFonts')['w:eastAsia']).toBe('仿宋_GB2312');
  });

  it('takes a role\'s first family name from the series, skipping font files', async () => {
    const fonts = { ...DEFAULT_FONTS, body: ['/opt/fonts/simfang.ttf', '华文仿宋', '仿宋'] };
    const s = readDocx(await build(doc, fonts)).part('word/styles.xml');
    expect(attrs(effective(s, 'BulletinBody', 'rPr'), 'w:rFonts')['w:eastAsia']).toBe('华文仿宋');
  });

  it('gives every paragraph and run-in text a named style, with Chinese names', () => {
    const used = new Set([...body.matchAll(/<w:(?:pStyle|rStyle) w:val="([^"]+)"/g)].map((m) => m[1]!));
    const names = Object.fromEntries([...used].map((id) => [id, attrs(styleXml(styles, id), 'w:name')['w:val']]));
    expect(names).toMatchObject({
      BulletinBody: '简报正文',
      ItemTitle: '条目标题',
      SectionLabel: '栏目标签',
      Source: '来源',
      Contents2: '目录条目',
      Distribution: '版记',
      Brief: '简讯',
      MastheadName: '报头名称',
    });
    for (const name of Object.values(names)) expect(name).toMatch(/[\u4e00-\u9fff]/);
    // Every paragraph of the body names its style (the one after the 报尾 table only anchors it).
    expect(paras.slice(0, -1).filter((p) => !p.style)).toEqual([]);
    // Item titles are run in: the title and the text are one paragraph, the title a character style.
    const first = paras.find((p) => p.text.startsWith('我区深化先锋聚力') && p.style === 'BulletinBody')!;
    expect(first.xml).toMatch(/<w:rStyle w:val="ItemTitle"\/><\/w:rPr><w:t[^>]*>我区深化先锋聚力/);
    expect(first.text).toContain('带动“发展强”。一是');
  });

  it('prints the masthead name in red over a red rule that is a paragraph border', () => {
    expect(attrs(styleXml(styles, 'MastheadName'), 'w:color')['w:val']).toBe('FF0000');
    const rule = paras.find((p) => p.style === 'MastheadRule')!;
    expect(rule.text).toBe('');
    expect(attrs(rule.xml + styleXml(styles, 'MastheadRule'), 'w:top')).toMatchObject({ 'w:val': 'single', 'w:color': 'FF0000' });
  });

  it('numbers pages "— N —" with PAGE fields: right on odd pages, left on even ones', () => {
    expect(docx.part('word/settings.xml')).toMatch(/<w:evenAndOddHeaders\/>/);
    const refs = Object.fromEntries([...body.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1]!, m[2]!]));
    expect(Object.keys(refs).sort()).toEqual(['default', 'even']);
    const rels = docx.part('word/_rels/document.xml.rels');
    const footer = (id: string) => docx.part(`word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`);
    for (const [type, side] of [['default', 'right'], ['even', 'left']] as const) {
      const xml = footer(refs[type]!);
      expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      // The paragraph's own alignment, else its style's.
      expect(attrs(paragraphs(xml)[0]!.xml + styleXml(styles, 'PageNumber'), 'w:jc')['w:val']).toBe(side);
      expect(paragraphs(xml)[0]!.text).toMatch(/^— .* —$/);
    }
  });

  it('centres the page numbers in one footer when the series asks for centred numbers', async () => {
    const centred = readDocx(await build({ ...doc, pageNumbers: { ...doc.pageNumbers, placement: 'center' } }));
    expect(attrs(centred.part('word/settings.xml'), 'w:evenAndOddHeaders')['w:val']).toBe('false');
    expect([...centred.part('word/document.xml').matchAll(/<w:footerReference w:type="(\w+)"/g)].map((m) => m[1])).toEqual(['default']);
  });

  it('links every contents entry to a bookmark in the body', () => {
    const anchors = [...body.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]!);
    const marks = new Set([...body.matchAll(/<w:bookmarkStart w:name="([^"]+)"/g)].map((m) => m[1]!));
    expect(anchors.length).toBe(9); // 【动态】 and its 6 items, 【摘报】 and its item; 本期目录 lists no 简讯
    for (const a of anchors) expect(marks.has(a)).toBe(true);
  });

  it('sets the 报尾 between its rules: 0.35 mm above and below, 0.25 mm between its groups', () => {
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(body)![0];
    expect(attrs(table, 'w:tblpPr')).toMatchObject({ 'w:vertAnchor': 'margin', 'w:tblpYSpec': 'bottom' });
    const cells = [...table.matchAll(/<w:tcBorders>([\s\S]*?)<\/w:tcBorders>/g)].map((m) => m[1]!);
    const size = (xml: string, side: string) => Number(/w:sz="(\d+)"/.exec(new RegExp(`<w:${side} [^>]*/>`).exec(xml)![0])![1]);
    expect(cells.map((c) => size(c, 'top'))).toEqual([8, 6]); // eighths of a point: 0.35 mm ≈ 1 pt, 0.25 mm ≈ 0.75 pt
    expect(size(cells[1]!, 'bottom')).toBe(8);
    expect(paragraphs(table).map((p) => p.text)).toEqual([
      '送：\t区四套班子主要领导，党工委委员，管委会副主任',
      '发：\t各部委办局，各人民团体，各街道主要领导',
      '责任编辑：\t刘德富、傅之尧\t(GS)简字001号',
    ]);
    // Held together where it flows: every paragraph but those of the last row keeps with the next.
    const keeps = paragraphs(table).map((p) => p.xml.includes('<w:keepNext/>'));
    expect(keeps).toEqual([true, true, false]);
  });

  it('has the text of every item of the issue, in order: title, paragraphs, source', () => {
    // The body, from the first section label on (the contents repeat the titles before it).
    const text = paras.slice(paras.findIndex((p) => p.style === 'SectionLabel')).map((p) => p.text).join('\n');
    let at = -1;
    for (const section of issue.sections) {
      at = text.indexOf(`【${section.label}】`, at + 1);
      expect(at, section.label).toBeGreaterThanOrEqual(0);
      for (const item of section.items) {
        for (const t of [item.title?.text, ...item.paragraphs.map((p) => p.text), item.source && `（${item.source.text}）`]) {
          if (!t) continue;
          const next = text.indexOf(t, at);
          expect(next, t.slice(0, 20)).toBeGreaterThanOrEqual(at);
          at = next + t.length;
        }
      }
    }
  });
});

describe('reproducible .docx files', () => {
  afterEach(() => vi.useRealTimers());

  it('are byte-identical when written twice, at other times of day, and carry the issue\'s date', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-02T03:04:05Z'));
    const a = await build();
    vi.setSystemTime(new Date('2029-07-08T22:33:44Z'));
    const b = await build();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = readDocx(a).part('docProps/core.xml');
    expect(core).toMatch(/<dcterms:created [^>]*>2026-05-21T00:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified [^>]*>2026-05-21T00:00:00Z<\/dcterms:modified>/);
    // Every zip entry's DOS date is the issue's day (bits: year-1980, month, day).
    const dos = ((2026 - 1980) << 9) | (5 << 5) | 21;
    const view = Buffer.from(a);
    let entries = 0;
    for (let i = view.indexOf('PK\x03\x04'); i >= 0; i = view.indexOf('PK\x03\x04', i + 4)) {
      expect(view.readUInt16LE(i + 12)).toBe(dos);
      entries++;
    }
    expect(entries).toBe(readDocx(a).names.length);
  });
});
