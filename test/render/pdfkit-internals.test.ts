/**
 * The renderer (src/render/pdf.ts) reaches into pdfkit beyond its public API: the embedded font's `id`, `scale`,
 * `subset`, `widths` and `unicode` (`doc._font`), the page's font table (`doc.page.fonts`), the name tree's key
 * order (`doc._root…Dests._compareKeys`), outline items' `outlineData`, and references' `compress`, `data` and
 * `end`. pdfkit is pinned to one exact version; this test fails when the installed pdfkit differs from the pin or no
 * longer has those fields, so an upgrade is a decision (re-check these fields, then move the pin), not an accident.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures/tmp.js';
import { NOTO_SERIF } from './helpers.js';

const pkg = (file: string) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as { version: string; dependencies: Record<string, string> };

describe('pdfkit internals the renderer uses', () => {
  it('pdfkit is pinned to an exact version, and that version is installed', () => {
    const pin = pkg('package.json').dependencies.pdfkit!;
    expect(pin).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg('node_modules/pdfkit/package.json').version).toBe(pin);
  });

  it('are there, with the shapes the renderer expects', async () => {
    const { default: PDFDocument } = await import('pdfkit');
    const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string }) as unknown as Record<string, any>;
    doc.addPage({ size: [200, 200], margin: 0 });
    doc.font(fontkit.create(readFileSync(path.join(repoRoot, NOTO_SERIF))), 'k');
    const font = doc._font;
    expect(typeof font.id).toBe('string');
    expect(typeof font.scale).toBe('number');
    expect(typeof font.subset.includeGlyph).toBe('function');
    expect(Array.isArray(font.widths)).toBe(true);
    expect(Array.isArray(font.unicode)).toBe(true);
    expect(typeof font.ref).toBe('function');
    expect(typeof doc.page.fonts).toBe('object');
    expect(typeof doc._root.data.Names.data.Dests._compareKeys).toBe('function');
    const item = doc.outline.addItem('x', { expanded: false });
    expect(typeof item.outlineData).toBe('object');
    const ref = doc.ref({});
    expect(typeof ref.compress).toBe('boolean');
    expect(typeof ref.data).toBe('object');
    expect(typeof ref.end).toBe('function');
    for (const m of ['addContent', 'addNamedDestination', 'goTo']) expect(typeof doc[m], m).toBe('function');
  });
});
