/**
 * Photos made ready for print before the renderer embeds them (issue 14): turned upright by their EXIF
 * orientation, CMYK and 16-bit made 8-bit sRGB, transparency flattened onto white paper, downsampled to at most
 * 300 pixels per inch at the largest size they are printed, and re-encoded (JPEG q85; PNG kept where it is smaller,
 * as for flat graphics). A JPEG that needs none of it is embedded as it is. sharp (libvips) does the work: it is
 * loaded only by a build that has photos.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import type { Issue, SourceMap, SourceRef } from '../issue/model.js';
import type { Layout } from '../typeset/types.js';

/** Pixels per inch at the printed size: what a 175-lpi offset screen or a laser printer can use. */
export const MAX_PPI = 300;
const JPEG_QUALITY = 85;

/** Prepared image bytes by the file the layout names. */
export type PreparedImages = Map<string, Buffer>;

/**
 * Prepared images kept for rebuilds in one process (the watch path: an edit to the text must not decode and resize
 * every photo again). One entry a file, valid while the file's size and mtime and the printed size stay the same;
 * the caller owns the cache, as it owns the LayoutCache, and a one-off build passes none.
 */
export class ImageCache {
  private readonly prepared = new Map<string, { key: string; bytes: Buffer }>();

  /** The key of `file` prepared for `size`, or undefined when the file cannot be stat'ed (it is prepared anew). */
  key(file: string, size: { w: number; h: number }): string | undefined {
    try {
      const st = statSync(file);
      return [st.size, st.mtimeMs, size.w, size.h].join(' ');
    } catch {
      return undefined;
    }
  }

  get(file: string, key: string): Buffer | undefined {
    const e = this.prepared.get(file);
    return e?.key === key ? e.bytes : undefined;
  }

  set(file: string, key: string, bytes: Buffer): void {
    this.prepared.set(file, { key, bytes });
  }
}

/** Every photo file the issue names, with where it is named: inputs of the build, and places for errors. */
export function mediaFiles(issue: Issue): { file: string; ref: SourceRef }[] {
  const out: { file: string; ref: SourceRef }[] = [];
  for (const s of issue.sections) for (const it of s.items) for (const { media } of it.media ?? []) {
    if (media.kind === 'photos') for (const p of media.photos) out.push({ file: p.file, ref: { file: p.ref.file, path: [...p.ref.path, 'file'] } });
  }
  return out;
}

/** The largest printed size (pt) of each image of the layout. */
export function printedSizes(layout: Layout): Map<string, { w: number; h: number }> {
  const sizes = new Map<string, { w: number; h: number }>();
  for (const page of layout.pages) for (const it of page.items) {
    if (it.kind !== 'image') continue;
    const s = sizes.get(it.file);
    sizes.set(it.file, { w: Math.max(s?.w ?? 0, it.w), h: Math.max(s?.h ?? 0, it.h) });
  }
  return sizes;
}

export async function prepareImages(layout: Layout, issue: Issue, sources: SourceMap, cache?: ImageCache): Promise<{ images: PreparedImages; diagnostics: Diagnostic[] }> {
  const images: PreparedImages = new Map();
  const diagnostics: Diagnostic[] = [];
  const sizes = printedSizes(layout);
  if (sizes.size === 0) return { images, diagnostics };
  let sharp: Sharp | undefined;
  const where = new Map(mediaFiles(issue).map((m) => [m.file, m.ref]));
  for (const [file, size] of [...sizes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const key = cache?.key(file, size);
    const known = key === undefined ? undefined : cache!.get(file, key);
    if (known) {
      images.set(file, known);
      continue;
    }
    try {
      if (!sharp) {
        sharp = (await import('sharp')).default;
        // One image at a time, in a fixed order: the bytes (and so the PDF) never depend on scheduling.
        sharp.concurrency(1);
      }
      const bytes = await prepare(sharp, file, size);
      images.set(file, bytes);
      if (key !== undefined) cache!.set(file, key, bytes);
    } catch (e) {
      const ref = where.get(file);
      const pos = ref ? sources.position(ref) : { line: 1, column: 1 };
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      diagnostics.push({
        file: ref?.file ?? file,
        ...pos,
        severity: 'error',
        rule: 'photo-corrupt',
        message: msg(`图片 ${file} 无法读取（文件可能已损坏或不完整：${why}）；请换一张或重新导出`, `the image ${file} cannot be read (it may be damaged or truncated: ${why}); use another or export it again`),
      });
    }
  }
  return { images, diagnostics };
}

type Sharp = typeof import('sharp');

/** Pixels for `pt` points at MAX_PPI. */
export const maxPixels = (pt: number): number => Math.ceil((pt / 72) * MAX_PPI);

async function prepare(sharp: Sharp, file: string, size: { w: number; h: number }): Promise<Buffer> {
  const meta = await sharp(file, { failOn: 'error' }).metadata();
  const upright = (meta.orientation ?? 1) >= 5 ? { w: meta.height!, h: meta.width! } : { w: meta.width!, h: meta.height! };
  const target = { w: Math.min(upright.w, maxPixels(size.w)), h: Math.min(upright.h, maxPixels(size.h)) };
  const plain = meta.format === 'jpeg' && (meta.orientation ?? 1) === 1 && (meta.space === 'srgb' || meta.space === 'b-w') && target.w === upright.w && target.h === upright.h;
  // Decoding the whole image even when it is embedded as it is: a truncated file fails here, not in a reader's hands.
  const pixels = sharp(file, { failOn: 'error' });
  if (plain) {
    await pixels.raw().toBuffer();
    return readFileSync(file);
  }
  const base = pixels
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColourspace(meta.space === 'b-w' ? 'b-w' : 'srgb')
    .resize({ width: target.w, height: target.h, fit: 'fill', kernel: 'lanczos3' });
  const jpeg = await base.clone().jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:2:0' }).toBuffer();
  if (meta.format !== 'png') return jpeg;
  const png = await base.clone().png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
  return png.length <= jpeg.length * 1.5 ? png : jpeg;
}
