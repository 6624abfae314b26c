/**
 * The reference issue (examples/gusu-022.yaml) built once, read back with pdftotext / pdffonts / pdfinfo /
 * mutool and the shared audit tool: text in order, masthead and footer, fonts, page numbers, grid figures,
 * metadata, bookmarks and contents links.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIssue, type BuildResult } from '../../src/pipeline/build-issue.js';
import { composeIssue } from '../../src/compose/index.js';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import {
  audit,
  type Audit,
  han,
  inOrder,
  itemTexts,
  mutoolShow,
  pdffonts,
  pdfinfo,
  pdftotext,
  reference,
  squeeze,
  stext,
  suiteDir,
  withoutPageNumbers,
} from './helpers.js';

let tmp: ReturnType<typeof suiteDir>;
let pdf: string;
let result: BuildResult;
let issue: Issue;
let text: string;
let report: Audit;

beforeAll(async () => {
  tmp = suiteDir();
  pdf = path.join(tmp.dir, 'gusu-022.pdf');
  const loaded = await loadIssue(reference);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  issue = loaded.issue!;
  result = await buildIssue(reference, { output: pdf, env: {} });
  expect(result.diagnostics, JSON.stringify(result.diagnostics)).toEqual([]);
  expect(result.ok).toBe(true);
  text = pdftotext(pdf);
  report = audit(pdf);
});

afterAll(() => tmp?.remove());

describe('reference issue: text', () => {
  it('builds to the requested path, with pages and font roles reported', () => {
    expect(result.output).toBe(pdf);
    expect(result.pages).toBeGreaterThanOrEqual(2);
    expect(result.fonts?.map((f) => f.role).sort()).toEqual(['body', 'heading', 'kai', 'masthead', 'number']);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('every item (title。body（source）) and every 简讯 bullet appears whole and in order after the contents', () => {
    const items = itemTexts(issue);
    expect(items.length).toBe(10);
    const body = withoutPageNumbers(text);
    // The contents list the titles without the 。 of the run-in lead sentence, so "title。" finds the body.
    const r = inOrder(body, items.map((i) => i.text));
    expect(r.missing).toEqual([]);
    // the 简讯 bullets: three, each starting with •
    const bullets = items.filter((i) => i.text.startsWith('•'));
    expect(bullets).toHaveLength(3);
    for (const b of bullets) expect(squeeze(body)).toContain(squeeze(b.text));
  });

  it('title, each paragraph and source of every item appear in order (ordered search)', () => {
    const needles = issue.sections.flatMap((s) => [
      `【${s.label}】`,
      ...s.items.flatMap((it) => [...(it.title ? [it.title.text] : []), ...it.paragraphs.map((p) => p.text), ...(it.source ? [`（${it.source.text}）`] : [])]),
    ]);
    const r = inOrder(withoutPageNumbers(text), needles);
    expect(r.missing).toEqual([]);
  });

  it('strict: the Han characters of the body, from the first section label to the last source, are exactly those of the items', () => {
    const flat = squeeze(withoutPageNumbers(text));
    const items = itemTexts(issue);
    const firstTitle = flat.indexOf(squeeze(items[0]!.text.slice(0, 40)));
    expect(firstTitle).toBeGreaterThan(0);
    const start = flat.lastIndexOf(`【${issue.sections[0]!.label}】`, firstTitle);
    expect(start).toBeGreaterThan(0);
    const r = inOrder(flat, items.map((i) => i.text), start);
    expect(r.missing).toEqual([]);
    const expected = issue.sections.map((s) => `【${s.label}】` + itemTexts({ ...issue, sections: [s] }).map((i) => i.text).join('')).join('');
    expect(han(flat.slice(start, r.end))).toBe(han(expected));
  });

  it('the whole text, Han only, holds every item in order (subsequence of the extracted text)', () => {
    const want = han(itemTexts(issue).map((i) => i.text).join(''));
    const got = han(text);
    let j = 0;
    for (const ch of got) if (j < want.length && ch === want[j]) j++;
    expect(j).toBe(want.length);
    expect(want.length).toBeGreaterThan(3000);
  });

  it('masthead: name, series line, issue line, offices and date on page 1; then the contents', () => {
    const p1 = squeeze(pdftotext(pdf, 1));
    const r = inOrder(p1, [
      '姑苏信息',
      '（动态·摘报）',
      '第22期（2026年48期）',
      '苏州国家历史文化名城保护区党政办公室',
      '苏州市姑苏区党政办公室',
      '2026年5月21日',
      '本期目录',
      '【动态】',
      '1.我区深化先锋聚力“三服务”专项行动以“党建强”带动“发展强”',
      '6.白洋湾街道多维发力营造“爱读书、读好书、善读书”良好氛围',
      '【摘报】',
      '7.北京推出22项举措优化人才服务与劳动者权益保障',
    ]);
    expect(r.missing).toEqual([]);
    // 【简讯】 is neither listed nor numbered
    const contents = p1.slice(p1.indexOf('本期目录'));
    expect(contents.slice(0, contents.indexOf('7.北京'))).not.toContain('简讯');
    expect(p1.indexOf('姑苏信息')).toBeLessThan(p1.indexOf('第22期'));
  });

  it('the masthead name is large and red', () => {
    expect(report.masthead_colors).toEqual(['#ff0000']);
    const p1 = stext(pdf)[0]!;
    const big = p1.chars.filter((c) => '姑苏信息'.includes(c.c) && c.size > 30);
    expect(big.map((c) => c.c).join('')).toBe('姑苏信息');
  });

  it('distribution footer (报尾) after the last item, on the last page: 送/发 lines, editors and serial', () => {
    const last = squeeze(pdftotext(pdf, result.pages!));
    const s = issue.series;
    const lines = [...s.distribution.map((d) => `${d.label}：${d.recipients.text}`), `责任编辑：${s.editors.join('、')}`, s.serial!];
    expect(lines).toEqual([
      '送：区四套班子主要领导，党工委委员，管委会副主任',
      '发：各部委办局，各人民团体，各街道主要领导',
      '责任编辑：刘德富、傅之尧',
      '(GS)简字001号',
    ]);
    const r = inOrder(last, ['（综合来稿）', ...lines]);
    expect(r.missing).toEqual([]);
  });
});

describe('reference issue: fonts and page numbers', () => {
  it('every font is embedded and subset, with a ToUnicode map', () => {
    const fonts = pdffonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of fonts) {
      expect(f, f.name).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
    }
    expect(report.fonts_not_embedded).toEqual([]);
  });

  it('"— N —" on every page, the last line of the page; odd pages right, even pages left', () => {
    const pages = stext(pdf);
    expect(pages).toHaveLength(result.pages!);
    pages.forEach((p, i) => {
      const n = i + 1;
      expect(squeeze(pdftotext(pdf, n))).toMatch(new RegExp(`—${n}—$`));
      const visible = p.chars.filter((c) => c.c.trim());
      const lowY = Math.max(...visible.map((c) => c.y));
      const low = visible.filter((c) => Math.abs(c.y - lowY) < 1.5).sort((a, b) => a.x0 - b.x0);
      expect(low.map((c) => c.c).join(''), `page ${n}`).toBe(`—${n}—`);
      const centre = (low[0]!.x0 + low[low.length - 1]!.x1) / 2;
      if (n % 2 === 1) expect(centre, `page ${n} number on the right`).toBeGreaterThan(p.width / 2);
      else expect(centre, `page ${n} number on the left`).toBeLessThan(p.width / 2);
      expect(low[0]!.size).toBeCloseTo(14, 0);
    });
  });

  it('audit: page numbers all correct, sides alternate R L R L …', () => {
    expect(report.pages).toBe(result.pages);
    expect(report.page_numbers_ok).toBe(report.pages);
    expect(report.page_numbers_sides).toBe('RL'.repeat(report.pages).slice(0, report.pages));
  });
});

describe('reference issue: audit figures', () => {
  it('A4, fidelity 1.0, no 禁则 violations, no ragged lines', () => {
    expect(report.page_mm).toEqual([210, 297]);
    expect(report.seed_han_chars).toBeGreaterThan(3000);
    expect(report.fidelity).toBe(1);
    expect(report.kinsoku_violations, report.kinsoku_examples.join('\n')).toBe(0);
    expect(report.ragged_lines, report.ragged_examples.join('\n')).toBe(0);
  });

  it('the grid: 16 pt body, 28 characters per full line, line pitch 28.99 pt, 22 lines on full pages', () => {
    expect(report.body_size_pt).toBe(16);
    expect(report.chars_per_full_line).toBe(28);
    expect(report.full_lines).toBeGreaterThan(50);
    expect(Math.abs(report.line_pitch_pt - 28.99)).toBeLessThanOrEqual(0.05);
    expect(Math.max(...report.body_lines_per_page)).toBe(22);
    for (const n of report.body_lines_per_page) expect(n).toBeLessThanOrEqual(22);
  });
});

describe('reference issue: metadata, bookmarks, links', () => {
  it('Title, Author, Subject, Keywords, CreationDate = the issue date', () => {
    const info = pdfinfo(pdf);
    expect(info.Title).toBe('姑苏信息 第 22 期');
    expect(info.Author).toBe('苏州国家历史文化名城保护区党政办公室、苏州市姑苏区党政办公室');
    expect(info.Subject).toContain('第 22 期（2026 年 48 期）');
    expect(info.Keywords).toContain('姑苏信息');
    expect(info.CreationDate).toBe('2026-05-21T00:00:00Z');
    expect(info['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(info.Pages)).toBe(result.pages);
  });

  it('the catalog says /Lang (zh-CN) and opens with the bookmarks', () => {
    const root = mutoolShow(pdf, 'trailer/Root');
    expect(root).toContain('/Lang (zh-CN)');
    expect(root).toMatch(/\/Outlines \d+ 0 R/);
  });

  it('the outline has every section and every numbered item', () => {
    const outline = mutoolShow(pdf, 'outline');
    const titles = [...outline.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    for (const s of issue.sections) expect(titles).toContain(`【${s.label}】`);
    for (const s of issue.sections) for (const it of s.items) if (it.title) expect(titles.some((t) => t.includes(it.title!.text))).toBe(true);
    // items are nested under their sections
    expect(outline).toMatch(/^-\s+"【动态】"[^\n]*\n\|\s+"1\. 我区深化/m);
  });

  it('every contents entry on page 1 links (GoTo) to a named destination on the page where its item starts', () => {
    const annots = mutoolShow(pdf, 'pages/1/Annots');
    const refs = [...annots.matchAll(/(\d+) 0 R/g)].map((m) => m[1]!);
    const contents = composeIssue(issue).blocks.find((b) => b.kind === 'contents');
    if (contents?.kind !== 'contents') throw new Error('no contents');
    expect(refs.length).toBeGreaterThanOrEqual(contents.entries.length);
    const objs = mutoolShow(pdf, ...refs);
    expect(objs).toContain('/Subtype /Link');
    const actionRefs = [...objs.matchAll(/\/A (\d+) 0 R/g)].map((m) => m[1]!);
    const actions = mutoolShow(pdf, ...actionRefs);
    const targets = new Set([...actions.matchAll(/\/S \/GoTo\s+\/D \(([^)]+)\)/g)].map((m) => m[1]!));
    const wanted = contents.entries.map((e) => e.paragraph.link!);
    expect([...targets].sort()).toEqual([...new Set(wanted)].sort());

    // the named destinations, and the page each one points to
    const dests = mutoolShow(pdf, 'trailer/Root/Names/Dests');
    const pageObjs = [...mutoolShow(pdf, 'pages').matchAll(/page \d+ = (\d+) 0 R/g)].map((m) => m[1]!);
    const items = issue.sections.flatMap((s) => s.items);
    for (const entry of contents.entries.filter((e) => e.level === 2).map((e) => ({ target: e.paragraph.link! }))) {
      const m = new RegExp(`\\(${entry.target}\\)\\s*\\[\\s*(\\d+) 0 R\\s+/XYZ`).exec(dests);
      expect(m, `destination ${entry.target}`).not.toBeNull();
      const page = pageObjs.indexOf(m![1]!) + 1;
      expect(page).toBeGreaterThan(1);
      const item = items.find((it) => it.id === entry.target)!;
      expect(squeeze(pdftotext(pdf, page)), `${entry.target} on page ${page}`).toContain(squeeze(item.title!.text).slice(0, 8));
    }
  });
});
