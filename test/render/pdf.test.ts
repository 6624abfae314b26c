import { readFileSync } from 'node:fs';
import { inflatedStreams } from '../fixtures/pdf-streams.js';
import { afterAll, describe, expect, it } from 'vitest';
import { getFace, LazyFace } from '../../src/fonts/face.js';
import { resolveFonts } from '../../src/fonts/roles.js';
import { renderPdf, type DocInfo } from '../../src/render/pdf.js';
import type { Colour } from '../../src/issue/model.js';
import type { GlyphRun, Layout } from '../../src/typeset/types.js';
import { cleanTemp, gridRun, tempDir, NOTO_SANS_MEDIUM, NOTO_SERIF, run, stextChars, tempPdf } from './helpers.js';

afterAll(cleanTemp);

const body = getFace(NOTO_SERIF);
const heading = getFace(NOTO_SANS_MEDIUM);

const RED: Colour = { space: 'cmyk', values: [0, 100, 100, 0] };

function latinRun(text: string, x: number, y: number, size = 16): GlyphRun {
  const s = body.shape(text);
  const xs: number[] = [];
  let cx = x;
  for (const a of s.advances) {
    xs.push(cx);
    cx += a * size;
  }
  return { kind: 'run', font: body.key, size, y, gids: s.gids, xs, advances: s.advances.map((a) => a * size), texts: s.texts };
}

function sampleLayout(): Layout {
  const title = gridRun(body, '姑苏信息', 150, 150, 42, 60);
  title.colour = RED;
  title.hscale = 90;
  return {
    width: 595.28,
    height: 841.89,
    fonts: [body, heading],
    outline: [{ title: '【动态】', target: 'sec-1', children: [{ title: '1. 第一条消息', target: 'item-1', children: [] }] }],
    missing: [],
    pages: [
      {
        items: [
          title,
          { kind: 'rule', x1: 79.37, y1: 200, x2: 521.57, y2: 200, width: 2, colour: RED },
          gridRun(body, '第一条，测试文本。', 79.37, 240),
          { kind: 'link', x: 79.37, y: 226, w: 142, h: 18, target: 'item-1' },
        ],
      },
      {
        items: [
          { kind: 'anchor', name: 'sec-1', x: 79.37, y: 90 },
          gridRun(heading, '一、重点工作', 79.37, 120),
          { kind: 'anchor', name: 'item-1', x: 79.37, y: 130 },
          gridRun(body, '全年完成投资', 79.37, 149),
          latinRun('GDP 380 AED office', 200, 149),
          { kind: 'rule', x1: 79.37, y1: 160, x2: 521.57, y2: 160, width: 0.99, colour: { space: 'rgb', values: [255, 0, 0] } },
        ],
      },
    ],
  };
}

const info: DocInfo = {
  title: '姑苏信息 第 22 期',
  author: '姑苏区人民政府办公室',
  subject: '动态·摘报',
  keywords: ['姑苏信息', '简报'],
  creationDate: new Date('2026-05-21T00:00:00+08:00'),
  fonts: { body: 'NotoSerifSC-Regular (stand-in)', heading: 'NotoSansSC-Medium (stand-in)' },
};

describe('renderPdf', async () => {
  const bytes = await renderPdf(sampleLayout(), info);
  const file = tempPdf(bytes);

  it('gives back exactly the run texts, in order', () => {
    const p1 = run('pdftotext', ['-f', '1', '-l', '1', file, '-']).replace(/\s+/g, '');
    const p2 = run('pdftotext', ['-f', '2', '-l', '2', file, '-']).replace(/\s+/g, '');
    expect(p1).toBe('姑苏信息第一条，测试文本。');
    expect(p2).toBe('一、重点工作全年完成投资GDP380AEDoffice');
  });

  it('puts every glyph at its x (±0.05 pt) and on its baseline', () => {
    const layout = sampleLayout();
    for (const [pi, page] of layout.pages.entries()) {
      const want = page.items.filter((i): i is GlyphRun => i.kind === 'run').flatMap((r) => r.texts.map((t, i) => ({ t, x: r.xs[i]!, y: r.y })));
      const got = stextChars(file, pi + 1).filter((c) => c.c.trim() !== '');
      const wantVisible = want.filter((w) => w.t.trim() !== '').flatMap((w) => [...w.t].map((c) => ({ ...w, t: c })));
      expect(got.map((c) => c.c).join('')).toBe(wantVisible.map((w) => w.t).join(''));
      // Ligatures (fi) give several characters at one origin; compare the first character of each glyph.
      const firsts = want.filter((w) => w.t.trim() !== '');
      let gi = 0;
      for (const w of firsts) {
        const g = got[gi]!;
        expect(Math.abs(g.x - w.x), `x of ${w.t}`).toBeLessThan(0.05);
        expect(Math.abs(g.y - w.y), `baseline of ${w.t}`).toBeLessThan(0.05);
        gi += [...w.t].length;
      }
    }
  });

  it('embeds every font as a subset', () => {
    const out = run('pdffonts', [file]).trim().split('\n').slice(2);
    expect(out.length).toBe(2);
    for (const line of out) {
      expect(line).toMatch(/^[A-Z]{6}\+/);
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it('is byte-identical run to run', async () => {
    const again = await renderPdf(sampleLayout(), info);
    expect(Buffer.compare(again, bytes)).toBe(0);
  });

  it('writes the CMYK red into the content stream', () => {
    const streams = contentStreams(bytes);
    expect(streams.some((s) => s.includes('0 1 1 0 K'))).toBe(true);
    expect(streams.some((s) => s.includes('0 1 1 0 k'))).toBe(true);
    expect(streams.some((s) => s.includes('90 Tz'))).toBe(true);
    expect(streams.some((s) => s.includes('1 0 0 RG'))).toBe(true);
  });

  it('records metadata, language, links, destinations and bookmarks', () => {
    const infoOut = run('pdfinfo', ['-enc', 'UTF-8', file]);
    expect(infoOut).toMatch(/Title:\s+姑苏信息 第 22 期/);
    expect(infoOut).toMatch(/Author:\s+姑苏区人民政府办公室/);
    expect(infoOut).toMatch(/Keywords:\s+姑苏信息, 简报/);
    expect(infoOut).toMatch(/Pages:\s+2/);
    const custom = run('pdfinfo', ['-enc', 'UTF-8', '-custom', file]);
    expect(custom).toMatch(/BulletinFonts:\s+body: NotoSerifSC-Regular/);
    const dests = run('pdfinfo', ['-dests', file]);
    expect(dests).toMatch(/item-1/);
    expect(dests).toMatch(/sec-1/);
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/Lang \(zh-CN\)/);
    expect(raw).toMatch(/\/S \/GoTo\s*\n?\/D \(item-1\)/);
    expect(raw).toMatch(/\/Dest \(sec-1\)/);
    expect(raw).toMatch(/\/Dest \(item-1\)/);
    expect(raw).toMatch(/\/Outlines/);
  });
});

describe('renderPdf bold', () => {
  it('draws a bold run filled and stroked (render mode 2) in its colour, and restores the state after it', async () => {
    const plain = gridRun(body, '甲乙', 80, 100);
    const bold = { ...gridRun(body, '丙丁', 80, 130), bold: true, colour: { space: 'cmyk' as const, values: [0, 100, 100, 0] as [number, number, number, number] } };
    const after = gridRun(body, '戊', 80, 160);
    const layout: Layout = { width: 300, height: 300, fonts: [body], outline: [], missing: [], pages: [{ items: [plain, bold, after] }] };
    const pdf = await renderPdf(layout, { title: 't', creationDate: new Date(0) });
    const content = inflatedStreams(pdf).map((s) => s.toString('latin1')).find((s) => s.includes(' TJ'))!;
    const ops = content.split('\n');
    const q = ops.findIndex((o) => o.includes('2 Tr'));
    expect(ops[q]).toBe('q 0 1 1 0 K 0.48 w 1 j 2 Tr');
    expect(ops.filter((o) => o.includes('Tr'))).toHaveLength(1);
    expect(ops.slice(q + 1).find((o) => o === 'Q' || o === 'q')).toBe('Q');
    expect(ops[ops.indexOf('ET', q) + 1]).toBe('Q');
    // Same input, same bytes.
    expect((await renderPdf(layout, { title: 't', creationDate: new Date(0) })).equals(pdf)).toBe(true);
  });
});

describe('renderPdf text layer', () => {
  it('keeps the text of a missing character (.notdef) and of a glyph shared by two texts', async () => {
    const missing = gridRun(body, '甲가乙', 80, 100);
    expect(missing.gids[1]).toBe(0);
    const a = gridRun(body, '丙丁', 80, 130);
    const b = gridRun(body, '丙丁', 80, 160);
    b.texts = ['戊', '丁']; // same glyphs, other text: only /ActualText can say so
    const layout: Layout = { width: 300, height: 300, fonts: [body], outline: [], missing: [], pages: [{ items: [missing, a, b] }] };
    const file = tempPdf(await renderPdf(layout, { title: 't', creationDate: new Date(0) }));
    const text = run('pdftotext', [file, '-']).replace(/\s+/g, '');
    expect(text).toBe('甲가乙丙丁戊丁');
  });

  it('renders with the faces of resolveFonts, opening only the ones runs use', async () => {
    const none = { masthead: [], body: [], heading: [], kai: [], number: [] };
    const { fonts } = await resolveFonts({ fonts: none, fontPaths: [] }, tempDir(), undefined, { systemDirs: [], packageFontsDir: null });
    const face = fonts.body.faces[0]!;
    const all = Object.values(fonts).flatMap((c) => c.faces);
    const layout: Layout = { width: 200, height: 200, fonts: all, outline: [], missing: [], pages: [{ items: [gridRun(face, '正文', 20, 50)] }] };
    const file = tempPdf(await renderPdf(layout, { title: 't', creationDate: new Date(0) }));
    expect(run('pdftotext', [file, '-']).trim()).toBe('正文');
    expect((fonts.masthead.faces[0] as LazyFace).opened).toBe(false);
  });

  it('renders an empty layout and a page without items', async () => {
    const bytes = await renderPdf({ width: 100, height: 100, fonts: [], outline: [], missing: [], pages: [{ items: [] }] }, {
      title: 'empty',
      creationDate: new Date(0),
    });
    expect(run('pdfinfo', [tempPdf(bytes)])).toMatch(/Pages:\s+1/);
  });

  it('fails clearly when a run names a font it was not given', async () => {
    const layout: Layout = { width: 100, height: 100, fonts: [], outline: [], missing: [], pages: [{ items: [gridRun(body, '中', 10, 50)] }] };
    await expect(renderPdf(layout, { title: 't', creationDate: new Date(0) })).rejects.toThrow(/no font for key/);
  });
});

/** The inflated content of every FlateDecode stream (enough to look for operators). */
function contentStreams(pdf: Buffer): string[] {
  return inflatedStreams(pdf).map((b) => b.toString('latin1'));
}

void readFileSync;
