/**
 * The typesetter over a hand-written BulletinDoc, no issue involved: it sets what the blocks say — a band of rows at
 * the top, paragraphs on the grid, a footer band on the last page's foot, page numbers in the document's style —
 * and nothing else.
 */
import { describe, expect, it } from 'vitest';
import type { BulletinDoc, Colour, Span } from '../../src/compose/doc.js';
import { gridOf } from '../../src/compose/geometry.js';
import { DEFAULT_PAGE } from '../../src/issue/defaults.js';
import { gridBaseline } from '../../src/typeset/geometry.js';
import { typesetDoc } from '../../src/typeset/layout.js';
import type { GlyphRun, Layout } from '../../src/typeset/types.js';
import { fakeFonts } from './fake-font.js';

const grid = gridOf(DEFAULT_PAGE);
const BLACK: Colour = { space: 'cmyk', values: [0, 0, 0, 100] };
const body = (text: string): Span => ({ text, role: 'body', size: 16, spacing: 'grid' });

function doc(): BulletinDoc {
  return {
    grid,
    blocks: [
      { kind: 'masthead', rows: [{ kind: 'text', paragraph: { spans: [body('甲乙')], align: 'center' } }, { kind: 'rule', width: 1, colour: BLACK, offset: 0.5, lines: 1 }] },
      { kind: 'paragraph', spans: [body('丙'.repeat(60))], align: 'justify', indent: 2 * grid.pitch, anchor: 'p1' },
      { kind: 'footer', rows: [{ kind: 'text', paragraph: { spans: [{ text: '丁', role: 'body', size: 14 }], align: 'left' } }] },
    ],
    pageNumbers: { prefix: '[', suffix: ']', style: { role: 'number', size: 14 }, placement: 'center', inset: 0, below: 10, alignChar: '[' },
    outline: [{ title: 'x', target: 'p1', children: [] }],
    info: { title: 't', author: '', subject: '', keywords: [], date: '2026-01-01', lang: 'zh-CN' },
  };
}

const runs = (l: Layout, page = 0): GlyphRun[] => l.pages[page]!.items.filter((i): i is GlyphRun => i.kind === 'run');
const text = (rs: GlyphRun[]): string => rs.map((r) => r.texts.join('')).join('');

describe('typesetDoc', () => {
  it('sets the blocks as they say, on the grid', () => {
    const l = typesetDoc(doc(), fakeFonts());
    expect(l.pages).toHaveLength(1);
    const rs = runs(l);
    // The top band: its text on grid line 0, its rule half way down line 1; the paragraph from line 2.
    expect(rs[0]!.y).toBeCloseTo(gridBaseline(grid, 0), 6);
    const rule = l.pages[0]!.items.find((i) => i.kind === 'rule')!;
    expect(rule.kind === 'rule' && rule.y1).toBeCloseTo(grid.top + 1.5 * grid.linePitch, 6);
    const para = rs.filter((r) => r.texts.includes('丙'));
    expect(para[0]!.y).toBeCloseTo(gridBaseline(grid, 2), 6);
    expect(para[0]!.xs[0]).toBeCloseTo(grid.left + 2 * grid.pitch, 6);
    expect(text(para)).toBe('丙'.repeat(60));
    // The footer's one line sits on the last grid line; the page number is the style's, centred.
    const foot = rs.find((r) => r.texts.join('') === '丁')!;
    expect(foot.y).toBeCloseTo(gridBaseline(grid, grid.linesPerPage - 1, 14), 6);
    expect(text(rs)).toContain('[1]');
    expect(l.outline).toEqual(doc().outline);
    expect(l.fonts.map((f) => f.key)).toEqual(['fake']);
    expect(l.pages[0]!.items.some((i) => i.kind === 'anchor' && i.name === 'p1')).toBe(true);
  });

  it('a span in bold becomes a run drawn bold, apart from the runs around it', () => {
    const d = doc();
    d.blocks[1] = { kind: 'paragraph', spans: [{ ...body('丙'), weight: 'bold' }, body('丁')], align: 'left' };
    const runs = typesetDoc(d, fakeFonts()).pages[0]!.items.flatMap((i) => (i.kind === 'run' ? [[i.texts.join(''), i.bold ?? false]] : []));
    const at = runs.findIndex((r) => r[0] === '丙');
    expect(runs.slice(at, at + 2)).toEqual([
      ['丙', true],
      ['丁', false],
    ]);
  });
});
