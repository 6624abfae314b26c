/**
 * Property-based tests (fast-check) over generated issues. Two levels:
 * - the real pipeline (real fonts, PDF read back with pdftotext): a build either succeeds or fails with
 *   diagnostics that carry file/line/column, never an exception; when it succeeds, no text is lost;
 * - layout only, with the fake metrics font (fast, many cases): every character in the glyph texts, in
 *   order (titles appear twice: contents and body), nothing outside the page, no NaN.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/pipeline/build-issue.js';
import { loadIssue } from '../../src/issue/load.js';
import { layoutIssue } from '../typeset/layout-issue.js';
import type { GlyphRun } from '../../src/typeset/types.js';
import { tempDir } from '../fixtures/tmp.js';
import { fakeFace, fakeFonts } from '../typeset/fake-font.js';
import { issueArb, lostCharacters, readingOrder, toYaml } from './gen.js';
import { wellFormed } from './wellformed.js';

/** Keeps the last failing input and PDF outside the test's temp folder, to look at. */
function keepFailure(...files: string[]): void {
  const dir = path.join(tmpdir(), 'bulletin-property-failure');
  mkdirSync(dir, { recursive: true });
  for (const f of files) copyFileSync(f, path.join(dir, path.basename(f)));
}

const SEED = Number(process.env.FC_SEED ?? 20260521);

describe('generated issues, real fonts, PDF read back', () => {
  it('build succeeds or fails with located diagnostics; on success every character is in the text layer, in order', async () => {
    const dir = tempDir();
    let built = 0;
    await fc.assert(
      fc.asyncProperty(issueArb({ rtl: false }), async (g) => {
        const file = path.join(dir, 'issue.yaml');
        const out = path.join(dir, 'issue.pdf');
        writeFileSync(file, toYaml(g));
        const r = await buildIssue(file, { output: out, allowMissingGlyphs: true, env: { SOURCE_DATE_EPOCH: '0' } });
        for (const d of r.diagnostics) expect(wellFormed(d), JSON.stringify(d)).toBe(true);
        if (!r.ok) {
          expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
          return;
        }
        built++;
        const missing = new Set(
          r.diagnostics.filter((d) => d.rule === 'font-missing-glyph').map((d) => /"(.+)" \(U\+/su.exec(d.message.en)?.[1] ?? ''),
        );
        const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
        const lost = lostCharacters(readingOrder(g), pdfText, missing);
        if (lost.length) keepFailure(file, out);
        expect(lost, `kept in ${path.join(tmpdir(), 'bulletin-property-failure')}`).toEqual([]);
      }),
      { numRuns: 30, seed: SEED, endOnFailure: true },
    );
    // The generator is meant to make buildable issues; if most fail to load, the property says little.
    expect(built).toBeGreaterThan(15);
  });
});

describe('generated issues, fake font, layout only', () => {
  it('every character appears in the glyph texts, in order; nothing outside the page; no NaN', async () => {
    const dir = tempDir();
    const face = fakeFace();
    const fonts = fakeFonts(face);
    await fc.assert(
      fc.asyncProperty(issueArb({ rtl: true }), async (g) => {
        const file = path.join(dir, 'issue.yaml');
        writeFileSync(file, toYaml(g));
        const loaded = await loadIssue(file, { noSeries: true });
        for (const d of loaded.diagnostics) expect(wellFormed(d), JSON.stringify(d)).toBe(true);
        if (!loaded.issue) return;
        const layout = layoutIssue(loaded.issue, fonts);
        const runs = layout.pages.flatMap((p) => p.items.filter((i): i is GlyphRun => i.kind === 'run'));
        for (const p of layout.pages) {
          for (const it of p.items) {
            const nums = Object.values(it).flatMap((v) => (typeof v === 'number' ? [v] : Array.isArray(v) && typeof v[0] === 'number' ? (v as number[]) : []));
            for (const n of nums) expect(Number.isFinite(n), `${it.kind} ${JSON.stringify(it).slice(0, 200)}`).toBe(true);
            if (it.kind === 'run') {
              expect(it.y).toBeGreaterThanOrEqual(0);
              expect(it.y).toBeLessThanOrEqual(layout.height);
              for (let k = 0; k < it.xs.length; k++) {
                expect(it.xs[k]!).toBeGreaterThanOrEqual(0);
                expect(it.xs[k]! + it.advances[k]! * (it.hscale ?? 100) / 100).toBeLessThanOrEqual(layout.width + 0.01);
              }
            }
          }
        }
        const glyphText = runs.map((r) => r.texts.join('')).join('');
        expect(lostCharacters(readingOrder(g), glyphText)).toEqual([]);
      }),
      { numRuns: 300, seed: SEED, endOnFailure: true },
    );
  });
});
