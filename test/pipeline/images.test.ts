/**
 * Print-ready photos (issue 14): four 12-megapixel camera JPEGs (made here by upscaling a small real one) give a
 * PDF under 2 MB whose images are at most 300 ppi at their printed size and keep that size; a damaged photo stops
 * the build with its place in the issue and writes no PDF; two builds are byte-identical.
 */
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/pipeline/build-issue.js';
import { ImageCache, MAX_PPI, prepareImages } from '../../src/pipeline/images.js';
import { loadIssue } from '../../src/issue/load.js';
import { resolveFonts } from '../../src/fonts/roles.js';
import { composeIssue } from '../../src/compose/index.js';
import { typesetDoc } from '../../src/typeset/layout.js';
import { ISSUE_HEAD, repoRoot, tempDir } from '../fixtures/tmp.js';

const ISSUE = (files: string[]) => `${ISSUE_HEAD}      - title: 标题一
        source: 区发改局
        body:
${files.map((f, i) => `          - 第${i + 1}段正文。\n          - photo: {file: ${f}, caption: 图${i + 1}}\n`).join('')}`;

let camera: Buffer;

beforeAll(async () => {
  // A camera-size JPEG: 4000×3000 at quality 95 with a sensor's grain (several MB, like a phone's).
  const { data, info } = await sharp(path.join(repoRoot, 'test/fixtures/media/street.jpg')).resize(4000, 3000).raw().toBuffer({ resolveWithObject: true });
  let seed = 1;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    data[i] = Math.max(0, Math.min(255, data[i]! + ((seed >>> 24) % 25) - 12));
  }
  camera = await sharp(data, { raw: info }).jpeg({ quality: 95 }).toBuffer();
}, 60_000);

/** Image XObjects of a PDF: pixel width and height (read from the image dictionaries). */
function pdfImages(pdf: Buffer): { w: number; h: number }[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/Subtype \/Image[\s\S]*?>>/g)].map((m) => ({ w: Number(/\/Width (\d+)/.exec(m[0])![1]), h: Number(/\/Height (\d+)/.exec(m[0])![1]) }));
}

describe('photos in the PDF', () => {
  it('downsamples four camera photos to ≤ 300 ppi at their printed size: a PDF under 2 MB', async () => {
    const dir = tempDir();
    const names = ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg'];
    for (const n of names) writeFileSync(path.join(dir, n), camera);
    expect(camera.length * 4).toBeGreaterThan(4 * 1024 * 1024);
    writeFileSync(path.join(dir, 'issue.yaml'), ISSUE(names));
    const r = await buildIssue(path.join(dir, 'issue.yaml'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pdf = readFileSync(r.output!);
    expect(pdf.length).toBeLessThan(2 * 1024 * 1024);
    const images = pdfImages(pdf);
    expect(images).toHaveLength(4);
    // Printed as wide as the type area (156 mm): 300 ppi is 1843 pixels; the aspect ratio is kept.
    const typeWidthIn = 156 / 25.4;
    for (const im of images) {
      expect(im.w / typeWidthIn).toBeLessThanOrEqual(MAX_PPI + 1);
      expect(im.w / typeWidthIn).toBeGreaterThan(MAX_PPI - 2);
      expect(im.w / im.h).toBeCloseTo(4 / 3, 2);
    }
  }, 120_000);

  it('builds the same bytes twice', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.jpg'), readFileSync(path.join(repoRoot, 'test/fixtures/media/garden-sideways.jpg')));
    writeFileSync(path.join(dir, 'issue.yaml'), ISSUE(['a.jpg']));
    const first = await buildIssue(path.join(dir, 'issue.yaml'), { output: path.join(dir, 'one.pdf') });
    const second = await buildIssue(path.join(dir, 'issue.yaml'), { output: path.join(dir, 'two.pdf') });
    expect(first.ok && second.ok).toBe(true);
    expect(readFileSync(path.join(dir, 'one.pdf')).equals(readFileSync(path.join(dir, 'two.pdf')))).toBe(true);
    // The sideways phone photo is embedded upright: taller than wide.
    const [im] = pdfImages(readFileSync(path.join(dir, 'one.pdf')));
    expect(im!.h).toBeGreaterThan(im!.w);
  }, 60_000);

  it('puts the photos and a repeating-header table in the .docx too', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.jpg'), readFileSync(path.join(repoRoot, 'test/fixtures/media/street.jpg')));
    const table = `          - table: {header: [单位, 数量], rows: [[双塔街道, 12], [平江街道, 9]]}\n`;
    writeFileSync(path.join(dir, 'issue.yaml'), ISSUE(['a.jpg']) + table);
    const r = await buildIssue(path.join(dir, 'issue.yaml'), { docx: true });
    expect(r.ok).toBe(true);
    const zip = unzipSync(readFileSync(r.docx!));
    expect(Object.keys(zip).filter((k) => k.startsWith('word/media/'))).toHaveLength(1);
    const xml = strFromU8(zip['word/document.xml']!);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml.indexOf('第1段正文')).toBeLessThan(xml.indexOf('<wp:inline'));
    expect(xml.indexOf('<wp:inline')).toBeLessThan(xml.indexOf('双塔街道'));
    // Captions and cells have styles of their own, whose lines keep their leading off the document grid.
    const styleOf = (text: string): string | undefined => {
      const p = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((x) => x.includes(`>${text}<`));
      return /<w:pStyle w:val="([^"]+)"/.exec(p ?? '')?.[1];
    };
    expect([styleOf('图1'), styleOf('双塔街道')]).toEqual(['PhotoCaption', 'TableText']);
    const styles = strFromU8(zip['word/styles.xml']!);
    for (const id of ['PhotoCaption', 'TableText']) {
      expect(new RegExp(`w:styleId="${id}"[^]*?<w:pPr><w:snapToGrid w:val="0"/><w:spacing `).test(styles), id).toBe(true);
    }
  }, 60_000);

  it('rebuilds with an ImageCache (the watch path) reuse a prepared photo until the file changes, and write the same PDF', async () => {
    const dir = tempDir();
    const photo = path.join(dir, 'a.jpg');
    writeFileSync(photo, readFileSync(path.join(repoRoot, 'test/fixtures/media/garden-sideways.jpg')));
    writeFileSync(path.join(dir, 'issue.yaml'), ISSUE(['a.jpg']));
    const loaded = await loadIssue(path.join(dir, 'issue.yaml'));
    const issue = loaded.issue!;
    const { fonts } = await resolveFonts(issue.series, dir, undefined, { systemDirs: [] });
    const layout = typesetDoc(composeIssue(issue), fonts);
    const cache = new ImageCache();
    const first = await prepareImages(layout, issue, loaded.sources, cache);
    const again = await prepareImages(layout, issue, loaded.sources, cache);
    expect(again.images.get(photo)).toBe(first.images.get(photo)); // the very Buffer: not prepared twice
    // The photo replaced (another size, a later mtime): prepared anew.
    writeFileSync(photo, readFileSync(path.join(repoRoot, 'test/fixtures/media/street.jpg')));
    utimesSync(photo, new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    const changed = await prepareImages(layout, issue, loaded.sources, cache);
    expect(changed.images.get(photo)).not.toBe(first.images.get(photo));

    writeFileSync(photo, readFileSync(path.join(repoRoot, 'test/fixtures/media/garden-sideways.jpg')));
    const plain = await buildIssue(path.join(dir, 'issue.yaml'), { output: path.join(dir, 'one.pdf') });
    await buildIssue(path.join(dir, 'issue.yaml'), { output: path.join(dir, 'two.pdf'), imageCache: cache });
    const cached = await buildIssue(path.join(dir, 'issue.yaml'), { output: path.join(dir, 'three.pdf'), imageCache: cache });
    expect(plain.ok && cached.ok).toBe(true);
    expect(readFileSync(path.join(dir, 'three.pdf')).equals(readFileSync(path.join(dir, 'one.pdf')))).toBe(true);
  }, 60_000);

  it('stops at a damaged photo with its place in the issue, and writes no PDF', async () => {
    const dir = tempDir();
    // A real JPEG header with the picture cut off: the size is readable, the pixels are not.
    writeFileSync(path.join(dir, 'cut.jpg'), camera.subarray(0, 2000));
    writeFileSync(path.join(dir, 'issue.yaml'), ISSUE(['cut.jpg']));
    const r = await buildIssue(path.join(dir, 'issue.yaml'));
    expect(r.ok).toBe(false);
    const e = r.diagnostics.find((d) => d.rule === 'photo-corrupt')!;
    expect([e.file, e.line, e.column]).toEqual([path.join(dir, 'issue.yaml'), 13, 27]);
    expect(e.message.zh).toContain('无法读取');
    expect(existsSync(path.join(dir, 'issue.pdf'))).toBe(false);
  }, 60_000);
});
