/**
 * The character grid with real metrics (the bundled Noto stand-ins): the reference issue keeps every full line's
 * Han characters one grid pitch apart; the stress example (test/fixtures/stress.yaml: URLs, e-mail addresses,
 * long words, numbers with units, dates with ——, mixed scripts, a long masthead and footer) never spaces a line
 * out, keeps its addresses whole where they break, and leaves the grid only beside Latin text or by a little.
 */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { resolveFonts } from '../../src/fonts/roles.js';
import { composeIssue } from '../../src/compose/index.js';
import { typesetDoc } from '../../src/typeset/layout.js';
import { gridOf } from '../../src/compose/geometry.js';
import { addresses } from '../../src/typeset/text/addresses.js';
import type { GlyphRun, Layout } from '../../src/typeset/types.js';

interface Glyph {
  t: string;
  x: number;
  adv: number;
}
interface Line {
  page: number;
  y: number;
  glyphs: Glyph[];
  text: string;
}

const HAN = /^\p{Script=Han}$/u;
const HALF_AT_END = '，。、；：？！）」』”’》〉】';

async function build(file: string): Promise<{ issue: Issue; layout: Layout }> {
  const loaded = await loadIssue(path.resolve(file));
  const issue = loaded.issue!;
  const { fonts } = await resolveFonts(issue.series, path.dirname(path.resolve(file)), undefined, { systemDirs: [] });
  return { issue, layout: typesetDoc(composeIssue(issue), fonts) };
}

/** Body lines (16 pt) of every page, top to bottom. */
function bodyLines(layout: Layout, size: number): Line[] {
  return layout.pages.flatMap((p, page) => {
    const runs = p.items.filter((i): i is GlyphRun => i.kind === 'run' && i.size === size);
    const ys = [...new Set(runs.map((r) => r.y))].sort((a, b) => a - b);
    return ys.map((y) => {
      const glyphs = runs
        .filter((r) => r.y === y)
        .flatMap((r) => r.texts.map((t, i) => ({ t, x: r.xs[i]!, adv: (r.advances[i]! * (r.hscale ?? 100)) / 100 })))
        .sort((a, b) => a.x - b.x);
      return { page, y, glyphs, text: glyphs.map((g) => g.t).join('') };
    });
  });
}

/** Where the line's ink ends: a mark at the end is set half-width. */
function inkEnd(l: Line): number {
  const g = l.glyphs[l.glyphs.length - 1]!;
  return g.x + (HALF_AT_END.includes(g.t) && g.adv > 12 ? g.adv / 2 : g.adv);
}

/** Lines justified to the right edge of the type area, below the masthead: every line of a paragraph but its last. */
function fullLines(layout: Layout, issue: Issue): Line[] {
  const grid = gridOf(issue.series.page);
  const mastheadRule = layout.pages[0]!.items.find((i) => i.kind === 'rule');
  const below = mastheadRule?.kind === 'rule' ? mastheadRule.y1 : 0;
  return bodyLines(layout, grid.bodySize).filter(
    (l) => (l.page > 0 || l.y > below) && l.glyphs.length > 10 && Math.abs(inkEnd(l) - (grid.left + grid.width)) < 0.5,
  );
}

/**
 * How far the steps between neighbouring Han characters stray from the pitch, as a share of it: median and worst,
 * and how many steps there are.
 */
function offGrid(l: Line, pitch: number): { median: number; worst: number; steps: number } {
  const steps: number[] = [];
  for (let i = 1; i < l.glyphs.length; i++) if (HAN.test(l.glyphs[i - 1]!.t) && HAN.test(l.glyphs[i]!.t)) steps.push(l.glyphs[i]!.x - l.glyphs[i - 1]!.x);
  if (!steps.length) return { median: 0, worst: 0, steps: 0 };
  const dev = steps.map((s) => Math.abs(s / pitch - 1)).sort((a, b) => a - b);
  return { median: dev[Math.floor(dev.length / 2)]!, worst: dev[dev.length - 1]!, steps: steps.length };
}

const hasLatin = (l: Line): boolean => /[A-Za-z0-9]/.test(l.text);

describe('the reference issue, real metrics', () => {
  let issue: Issue;
  let layout: Layout;
  beforeAll(async () => ({ issue, layout } = await build('examples/gusu-022.yaml')));

  test('every full line keeps its Han characters on the grid pitch (28 a line), at most two lines beside Latin text off it', () => {
    const grid = gridOf(issue.series.page);
    const lines = fullLines(layout, issue);
    expect(lines.length).toBeGreaterThan(120);
    const off = lines.filter((l) => offGrid(l, grid.pitch).median > 0.02);
    expect(off.map((l) => l.text)).toEqual(off.filter(hasLatin).map((l) => l.text));
    expect(off.length).toBeLessThanOrEqual(2);
    // Lines of Han and punctuation alone: every step on the pitch, not just most.
    for (const l of lines.filter((x) => !hasLatin(x))) expect(offGrid(l, grid.pitch).worst, l.text).toBeLessThanOrEqual(0.02);
  });

  test('full pages hold 22 lines wherever a paragraph could be set on the grid to fill them', () => {
    const grid = gridOf(issue.series.page);
    const perPage = layout.pages.map((_, p) => bodyLines(layout, grid.bodySize).filter((l) => l.page === p).length);
    for (const n of perPage.slice(1, -1)) expect(n).toBeGreaterThanOrEqual(grid.linesPerPage - 1);
  });
});

describe('the stress example, real metrics', () => {
  let issue: Issue;
  let layout: Layout;
  beforeAll(async () => ({ issue, layout } = await build('test/fixtures/stress.yaml')));

  test('no full line is spaced out: no blank wider than 0.4 em', () => {
    const grid = gridOf(issue.series.page);
    const lines = fullLines(layout, issue);
    expect(lines.length).toBeGreaterThan(20);
    for (const l of lines) {
      for (let i = 1; i < l.glyphs.length; i++) {
        const a = l.glyphs[i - 1]!;
        const b = l.glyphs[i]!;
        expect(b.x - (a.x + a.adv), `${a.t}${b.t} in ${l.text}`).toBeLessThanOrEqual(0.4 * grid.bodySize);
      }
    }
  });

  test('off the grid only beside Latin text, by at most 10 %; Han alone by at most 5 %', () => {
    // As the audit counts them: lines with ten steps between Han characters or more. On a line that is mostly
    // English (a long title in quotes) the few Han may take the slack that its unbreakable words leave.
    const grid = gridOf(issue.series.page);
    const lines = fullLines(layout, issue).filter((l) => offGrid(l, grid.pitch).steps >= 10);
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) expect(offGrid(l, grid.pitch).median, l.text).toBeLessThanOrEqual(hasLatin(l) ? 0.1 : 0.05);
  });

  test('URLs and e-mail addresses: whole in their brackets, broken with no hyphen, never leaving a mark at a line start', () => {
    const grid = gridOf(issue.series.page);
    const lines = bodyLines(layout, grid.bodySize).map((l) => l.text);
    const all = lines.join('');
    const paragraph = issue.sections[0]!.items[0]!.paragraphs[0]!.text;
    expect(all).toContain(paragraph.replace(/\s/g, ''));
    const urls = addresses(paragraph).map(([s, e]) => paragraph.slice(s, e));
    expect(urls).toHaveLength(4);
    let at = 0;
    for (const line of lines) {
      at += line.length;
      for (const u of urls) {
        const u0 = all.indexOf(u);
        if (at <= u0 || at >= u0 + u.length) continue;
        expect(at - u0, `${line} | ${u}`).toBeGreaterThanOrEqual(2);
        expect(u0 + u.length - at).toBeGreaterThanOrEqual(2);
        expect('/.-_?&=@').not.toContain(all[at]);
      }
    }
    // The bracket before the first URL ends no line; the one after it starts none.
    for (const line of lines) {
      expect(line.endsWith('（')).toBe(false);
      expect(line.startsWith('）')).toBe(false);
    }
  });

  test('a word wider than the measure is cut with a hyphen; numbers keep their units; —— is one line', () => {
    const grid = gridOf(issue.series.page);
    const lines = bodyLines(layout, grid.bodySize);
    const cut = lines.filter((l) => l.glyphs[l.glyphs.length - 1]!.t === '');
    expect(cut).toHaveLength(1);
    expect(cut[0]!.text).toMatch(/[a-z]{2,}$/);
    for (const unit of ['1,234.56万元', '12.5%', '3.2‰', '2,500㎡', '3.8亿元', '22.5℃', '3,256人次', '99.8%']) {
      expect(lines.some((l) => l.text.includes(unit)), unit).toBe(true);
    }
    const dashes = layout.pages.flatMap((p) => p.items.filter((i): i is GlyphRun => i.kind === 'run' && i.texts[0] === '—' && i.hscale !== undefined));
    expect(dashes.length).toBeGreaterThanOrEqual(4);
  });

  test('a long masthead name is narrowed to the type width; the footer keeps 共印 N 份 and every name whole', () => {
    const grid = gridOf(issue.series.page);
    const name = layout.pages[0]!.items.filter((i): i is GlyphRun => i.kind === 'run' && i.size > 40);
    expect(name.map((r) => r.texts.join('')).join('')).toBe(issue.series.name);
    expect(name[0]!.hscale).toBeLessThan(100);
    const footer = bodyLines(layout, 14).filter((l) => l.page === layout.pages.length - 1 && l.y < grid.top + grid.height);
    const text = footer.map((l) => l.text);
    expect(text.filter((t) => t.includes(`共印${issue.series.printCount}份`))).toHaveLength(1);
    for (const e of issue.series.editors) expect(text.some((t) => t.includes(e)), e).toBe(true);
  });
});
