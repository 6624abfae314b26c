/**
 * Draws a `Layout` as PDF bytes. The renderer makes no decisions: no measuring, no breaking, no fallback. Every
 * glyph goes exactly where the layout put it.
 *
 * pdfkit is used for the file structure (objects, xref, compression), font embedding (Type0 / Identity-H
 * TrueType subsets with ToUnicode), annotations, named destinations, outline and metadata, but never for text
 * layout: each `GlyphRun` is written as one `TJ` whose adjustments put glyph i at `xs[i]`.
 *
 * pdfkit is imported lazily inside `renderPdf`, so commands that never render (check) never load it.
 *
 * Over 300 lines because the pdfkit internals it relies on (declared below, pinned and tested in
 * test/render/pdfkit-internals.test.ts) are best kept beside the one file that uses them.
 */
import type { Font } from 'fontkit';
import type { Colour } from '../typeset/types.js';
import type { FontFace, GlyphRun, Layout, OutlineNode, RuleBox } from '../typeset/types.js';
import { ensureGlyphs } from '../fonts/cache.js';
import { asFontError } from '../fonts/errors.js';
import { createGlyfSubset, deflatedSubset, GlyfSubset } from '../fonts/subset.js';

/** Document metadata. Dates are given by the caller, so the same input gives byte-identical output. */
export interface DocInfo {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string | string[];
  /** Also seeds the file /ID (pdfkit derives it from the Info fields). */
  creationDate: Date;
  /** Defaults to `creationDate`. */
  modDate?: Date;
  /** BCP-47 language of the document (catalog /Lang); default zh-CN. */
  lang?: string;
  creator?: string;
  producer?: string;
  /**
   * Which font serves each role, recorded in the Info dictionary under the custom key /BulletinFonts
   * (see `describeRoles` in src/fonts/roles.ts), e.g. { body: 'NotoSerifSC-Regular (stand-in) NotoSerifSC_400Regular.ttf' }.
   */
  fonts?: Record<string, string>;
}

/** A face that carries its fontkit font (`KitFace` from src/fonts/face.ts does). */
interface EmbeddableFace extends FontFace {
  readonly font: Font;
}

function hasFont(face: FontFace): face is EmbeddableFace {
  // `in`, not a read: a lazy face opens its file only when the renderer really needs it.
  return 'font' in face;
}

/** The fontkit font of each face of the layout's table, by key; asked for only when a run uses it. */
function fontResolver(faces: readonly FontFace[]): (key: string) => Font | undefined {
  const map = new Map<string, EmbeddableFace>();
  for (const face of faces) if (hasFont(face) && !map.has(face.key)) map.set(face.key, face);
  return (key) => map.get(key)?.font;
}

/* ---- the few pdfkit internals used (pdfkit 0.20; see node_modules/pdfkit/js/pdfkit.js EmbeddedFont, _fragment) ---- */

interface PdfkitFont {
  id: string;
  embed(): void;
  scale: number;
  subset: { includeGlyph(gid: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

interface PdfkitOutline {
  outlineData: Record<string, unknown>;
  addItem(title: string, options?: { expanded?: boolean }): PdfkitOutline;
}

interface PdfkitDoc {
  _font: PdfkitFont;
  _root: { data: { Names: { data: { Dests: { _compareKeys(a: string, b: string): number } } } } };
  page: { fonts: Record<string, unknown>; xobjects: Record<string, unknown> };
  openImage(src: Buffer): PdfkitImage;
  outline: PdfkitOutline;
  font(src: unknown, family: string): PdfkitDoc;
  addPage(options: { size: [number, number]; margin: number }): PdfkitDoc;
  addContent(data: string): PdfkitDoc;
  addNamedDestination(name: string, fit: 'XYZ', x: number, y: number, zoom: null): void;
  goTo(x: number, y: number, w: number, h: number, name: string): PdfkitDoc;
  on(event: 'data', fn: (chunk: Buffer) => void): PdfkitDoc;
  on(event: 'end', fn: () => void): PdfkitDoc;
  on(event: 'error', fn: (e: unknown) => void): PdfkitDoc;
  end(): void;
  ref(data?: Record<string, unknown>): PdfkitRef;
}

/** pdfkit's PDFImage: embedded once, then named on each page that draws it. */
interface PdfkitImage {
  label: string;
  obj?: unknown;
  embed(doc: PdfkitDoc): void;
}

/** pdfkit's PDFReference, as far as the font-stream reuse touches it. */
interface PdfkitRef {
  compress: boolean;
  data: Record<string, unknown>;
  end(chunk?: unknown): void;
}

/** Per-document state of one embedded font: subset ids and widths by glyph id, filled on first use. */
interface Embedded {
  id: string;
  pdf: PdfkitFont;
  font: Font;
  /** 4-digit hex of the subset id, by glyph id. */
  hex: (string | undefined)[];
  /** Width in text space (1/1000 em) as written to /W, by glyph id. */
  width: number[];
  /** The text the ToUnicode map gives for the glyph, by glyph id. */
  text: (string | undefined)[];
}

/** Numbers as PDF writes them: 3 decimals, no exponent, no "-0". */
function fmt(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 ? '0' : String(r);
}

function colourOp(c: Colour | undefined, stroke: boolean): string {
  if (!c) return stroke ? '0 G' : '0 g';
  if (c.space === 'cmyk') {
    const [C, M, Y, K] = c.values;
    return `${fmt(C / 100)} ${fmt(M / 100)} ${fmt(Y / 100)} ${fmt(K / 100)} ${stroke ? 'K' : 'k'}`;
  }
  const [R, G, B] = c.values;
  return `${fmt(R / 255)} ${fmt(G / 255)} ${fmt(B / 255)} ${stroke ? 'RG' : 'rg'}`;
}

/** UTF-16BE hex with BOM, for /ActualText. */
function utf16Hex(s: string): string {
  let out = 'FEFF';
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

function codePointsOf(s: string): number[] {
  const cps: number[] = [];
  for (const ch of s) cps.push(ch.codePointAt(0)!);
  return cps;
}

/**
 * Renders `layout` to PDF bytes.
 *
 * - Fonts: the faces of the layout's own table (`Layout.fonts`), found by the runs' keys. Each font object is
 *   embedded once per document as a TrueType/CFF subset with ToUnicode.
 * - Page coordinates in the layout are top-left, y down (as in src/typeset/types.ts); they are converted here.
 * - Glyph widths in the PDF are the font's own advances; the gaps the layout chose (justification, compression,
 *   kerning, the grid's tracking) become TJ adjustments, so text extraction and glyph positions are both exact.
 * - Deterministic: nothing depends on the clock or randomness (pdfkit's /ID hashes the Info fields).
 */
export async function renderPdf(layout: Layout, info: DocInfo, images: ReadonlyMap<string, Buffer> = new Map()): Promise<Buffer> {
  const resolve = fontResolver(layout.fonts);
  // A damaged font that fails only now (a glyph, a table pdfkit reads on embedding) is named by its file.
  const files = new Map<string, string>();
  for (const face of layout.fonts) if (typeof (face as { file?: unknown }).file === 'string') files.set(face.key, (face as { file: string }).file);
  const guard = <T>(key: string, fn: () => T): T => asFontError(files.get(key) ?? key, fn);
  const { default: PDFDocument } = await import('pdfkit');

  const docInfo: Record<string, unknown> = {
    Producer: info.producer ?? 'bulletin (PDFKit)',
    Creator: info.creator ?? 'bulletin',
    CreationDate: info.creationDate,
    ModDate: info.modDate ?? info.creationDate,
    Title: info.title,
  };
  if (info.author) docInfo.Author = info.author;
  if (info.subject) docInfo.Subject = info.subject;
  const keywords = Array.isArray(info.keywords) ? info.keywords.join(', ') : info.keywords;
  if (keywords) docInfo.Keywords = keywords;
  if (info.fonts && Object.keys(info.fonts).length > 0) {
    docInfo.BulletinFonts = Object.entries(info.fonts)
      .map(([role, desc]) => `${role}: ${desc}`)
      .join('; ');
  }

  const doc = new PDFDocument({
    autoFirstPage: false,
    // null: do not load Helvetica (a standard font nobody uses here).
    font: null as unknown as string,
    pdfVersion: '1.7',
    lang: info.lang ?? 'zh-CN',
    displayTitle: true,
    compress: true,
    info: docInfo as PDFKit.DocumentInfo,
  }) as unknown as PdfkitDoc;

  const chunks: Buffer[] = [];
  const finished = new Promise<void>((res, rej) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => res());
    doc.on('error', (e: unknown) => rej(e));
  });

  // A rebuild usually embeds the very subsets of the last build (the subsetter memoizes them and returns the same
  // Buffer). pdfkit writes a font file with ref().end(bytes) and deflates it; for a memoized subset, hand it the
  // bytes deflated once before (the same zlib call, so the file is the same) as an already-filtered stream.
  // Any other stream, or a pdfkit that writes fonts differently, takes pdfkit's own path.
  const newRef = doc.ref.bind(doc);
  doc.ref = (data?: Record<string, unknown>) => {
    const ref = newRef(data);
    const end = ref.end.bind(ref);
    ref.end = (chunk?: unknown) => {
      const z = chunk instanceof Uint8Array && ref.compress ? deflatedSubset(chunk) : undefined;
      if (!z) return end(chunk);
      ref.compress = false;
      ref.data.Filter = 'FlateDecode';
      return end(z);
    };
    return ref;
  };

  // PDF name trees must be sorted by bytes, not by locale (pdfkit uses localeCompare): viewers binary-search them.
  doc._root.data.Names.data.Dests._compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

  const embedded = new Map<string, Embedded>();
  const embed = (key: string): Embedded => {
    let e = embedded.get(key);
    if (e) return e;
    const font = resolve(key);
    if (!font) throw new Error(`renderPdf: no font for key ${key}`);
    const pdf = guard(key, () => {
      // The key as family name makes pdfkit file the font under it; the object itself is never re-parsed.
      doc.font(font, key);
      const p = doc._font;
      // TrueType: subset by copying glyph bytes (src/fonts/subset.ts) instead of fontkit's TTFSubset, which decodes
      // every glyph's contours to find composites (~10 ms a render). CFF keeps fontkit's. pdfkit may hand back a font
      // already embedded under another key (same PostScript name), whose subset must be kept.
      if (!(p.subset instanceof GlyfSubset)) p.subset = createGlyfSubset(font) ?? p.subset;
      // pdfkit embeds every font at doc.end(); a failure there is this font's.
      const embedOnce = p.embed.bind(p);
      p.embed = () => guard(key, embedOnce);
      return p;
    });
    e = { id: pdf.id, pdf, font, hex: [], width: [], text: [] };
    embedded.set(key, e);
    return e;
  };

  // Fonts may have been read without their outlines: read the glyphs this document uses before any is decoded.
  const used = new Map<string, Set<number>>();
  for (const page of layout.pages)
    for (const item of page.items) {
      if (item.kind !== 'run') continue;
      let set = used.get(item.font);
      if (!set) used.set(item.font, (set = new Set()));
      for (const g of item.gids) set.add(g);
    }
  for (const [key, gids] of used) {
    const font = resolve(key);
    if (font) guard(key, () => ensureGlyphs(font, gids));
  }

  const H = layout.height;
  const opened = new Map<string, PdfkitImage>();
  const image = (file: string): PdfkitImage => {
    let im = opened.get(file);
    if (!im) {
      const data = images.get(file);
      if (!data) throw new Error(`render: no prepared image for ${file}`);
      im = doc.openImage(data);
      im.embed(doc);
      opened.set(file, im);
    }
    return im;
  };
  for (const page of layout.pages) {
    doc.addPage({ size: [layout.width, layout.height], margin: 0 });
    // pdfkit starts each page with a y-flip (top-left origin); undo it so raw operators use PDF coordinates.
    const out: string[] = [`q 1 0 0 -1 0 ${fmt(H)} cm`];
    const state = { fill: '0 g', tz: 100 };
    for (const item of page.items) {
      switch (item.kind) {
        case 'run':
          if (item.gids.length > 0) {
            const e = embed(item.font);
            guard(item.font, () => writeRun(out, state, item, e, H, doc));
          }
          break;
        case 'rule':
          writeRule(out, item, H);
          break;
        case 'link':
          doc.goTo(item.x, item.y, item.w, item.h, item.target);
          break;
        case 'anchor':
          doc.addNamedDestination(item.name, 'XYZ', item.x, item.y, null);
          break;
        case 'image': {
          const im = image(item.file);
          doc.page.xobjects[im.label] = im.obj;
          out.push(`q ${fmt(item.w)} 0 0 ${fmt(item.h)} ${fmt(item.x)} ${fmt(H - item.y - item.h)} cm /${im.label} Do Q`);
          break;
        }
      }
    }
    out.push('Q');
    doc.addContent(out.join('\n'));
  }

  if (layout.pages.length > 0) addOutline(doc.outline, layout.outline);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function writeRule(out: string[], r: RuleBox, H: number): void {
  out.push(`q ${fmt(r.width)} w 0 J ${colourOp(r.colour, true)} ${fmt(r.x1)} ${fmt(H - r.y1)} m ${fmt(r.x2)} ${fmt(H - r.y2)} l S Q`);
}

/** Stroke width of drawn bold, in ems. */
const BOLD_STROKE = 0.03;

function writeRun(out: string[], state: { fill: string; tz: number }, run: GlyphRun, e: Embedded, H: number, doc: PdfkitDoc): void {
  const { gids, xs, texts } = run;
  const n = gids.length;
  const pdf = e.pdf;
  if (doc.page.fonts[e.id] == null) doc.page.fonts[e.id] = pdf.ref();

  // Make sure every glyph is in the subset, with its width and text, and notice when the ToUnicode map
  // cannot say what this run says (a ligature part with no text, one glyph standing for two characters).
  let needActual = false;
  for (let i = 0; i < n; i++) {
    const gid = gids[i]!;
    const t = texts[i] ?? '';
    let known = e.text[gid];
    if (known === undefined) {
      const sid = pdf.subset.includeGlyph(gid);
      const w = Math.round(e.font.getGlyph(gid).advanceWidth * pdf.scale * 1000) / 1000;
      if (pdf.widths[sid] == null) pdf.widths[sid] = w;
      const cps = t.length > 0 ? codePointsOf(t) : e.font.getGlyph(gid).codePoints;
      if (pdf.unicode[sid] == null) pdf.unicode[sid] = cps.length > 0 ? cps : [0xfffd];
      known = String.fromCodePoint(...(pdf.unicode[sid] as number[]));
      e.hex[gid] = sid.toString(16).padStart(4, '0');
      e.width[gid] = pdf.widths[sid]!;
      e.text[gid] = known;
    }
    if (known !== t) needActual = true;
  }

  const fill = colourOp(run.colour, false);
  if (fill !== state.fill) {
    out.push(fill);
    state.fill = fill;
  }
  const tz = run.hscale ?? 100;
  if (needActual) out.push(`/Span <</ActualText <${utf16Hex(texts.join(''))}>>> BDC`);
  // Bold over a face that has no bold of its own: the outlines filled and stroked (text render mode 2) with a line
  // 3 % of the size wide, in the fill's colour. Q restores the text state, so Tz is as before afterwards.
  const tzBefore = state.tz;
  if (run.bold) out.push(`q ${colourOp(run.colour, true)} ${fmt(run.size * BOLD_STROKE)} w 1 j 2 Tr`);
  out.push('BT');
  if (tz !== state.tz) {
    out.push(`${fmt(tz)} Tz`);
    state.tz = tz;
  }
  out.push(`/${e.id} ${fmt(run.size)} Tf 1 0 0 1 ${fmt(xs[0]!)} ${fmt(H - run.y)} Tm`);

  // After a glyph the pen moves by (w/1000 − adj/1000)·size·Tz; choose adj so it lands on the next x.
  const k = 1000 / (run.size * (tz / 100));
  let tj = '[<';
  for (let i = 0; i < n; i++) {
    const gid = gids[i]!;
    tj += e.hex[gid];
    if (i + 1 < n) {
      const adj = e.width[gid]! - (xs[i + 1]! - xs[i]!) * k;
      const a = fmt(adj);
      if (a !== '0') tj += `> ${a} <`;
    }
  }
  tj += '>] TJ';
  out.push(tj, 'ET');
  if (run.bold) {
    out.push('Q');
    state.tz = tzBefore;
  }
  if (needActual) out.push('EMC');
}

function addOutline(parent: PdfkitOutline, nodes: OutlineNode[]): void {
  for (const node of nodes) {
    const item = parent.addItem(node.title, { expanded: node.children.length > 0 });
    // pdfkit's outline can only point at a page; a named destination (a string /Dest, PDF 1.2+) jumps to the
    // anchor itself and stays right if the page order changes.
    item.outlineData.Dest = new String(node.target);
    addOutline(item, node.children);
  }
}
