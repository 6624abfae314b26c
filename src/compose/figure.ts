/**
 * A photo row → FigureBlock: printed sizes from the width asked for (characters of the type area or millimetres),
 * else the type width for a landscape photo and a share of it for a portrait one; two or three photos side by
 * side keep the widths written for them, and the others share one height and fill the rest of the type width.
 * Captions in 楷体 4号, centred under their photo.
 */
import type { Photo, PhotoRow } from '../issue/model.js';
import type { FigureBlock, FigurePhoto } from './doc.js';
import { mm } from './geometry.js';
import { SIZE_4, written, type Styles } from './styles.js';

/** A portrait photo as wide as the type area would fill the page: by default it takes this share of the width. */
const PORTRAIT_SHARE = 0.55;
/** No photo is taller than this many grid lines (with its caption it still leaves a few lines of text on a page). */
const MAX_LINES = 16;
/** pt between side-by-side photos: one character. */
const gapOf = (st: Styles): number => st.grid.pitch;

export const CAPTION_SIZE = SIZE_4;

export function composeFigure(row: PhotoRow, st: Styles): FigureBlock {
  const { grid } = st;
  const gap = gapOf(st);
  const maxHeight = MAX_LINES * grid.linePitch;
  let sizes: { width: number; height: number }[];
  if (row.photos.length === 1) {
    const p = row.photos[0]!;
    const aspect = p.pixelWidth / p.pixelHeight;
    let width = p.width ? widthOf(p, st) : aspect >= 1 ? grid.width : grid.width * PORTRAIT_SHARE;
    if (width / aspect > maxHeight) width = maxHeight * aspect;
    sizes = [{ width, height: width / aspect }];
  } else {
    // Photos with a width keep it; the others share one height and fill the type width left over (less the gaps).
    const aspects = row.photos.map((p) => p.pixelWidth / p.pixelHeight);
    const given = row.photos.map((p) => (p.width ? widthOf(p, st) : undefined));
    const free = aspects.filter((_, i) => given[i] === undefined);
    const left = grid.width - gap * (aspects.length - 1) - given.reduce<number>((a, w) => a + (w ?? 0), 0);
    const shared = free.length ? Math.max(0, left) / free.reduce((a, b) => a + b, 0) : 0;
    sizes = aspects.map((a, i) => {
      const width = given[i] ?? a * shared;
      const height = Math.min(maxHeight, width / a);
      return { width: height * a, height };
    });
  }
  const photos = row.photos.map((p, i): FigurePhoto => {
    const fp: FigurePhoto = { image: { file: p.file, pixelWidth: p.pixelWidth, pixelHeight: p.pixelHeight }, ...sizes[i]! };
    if (p.caption) fp.caption = { spans: [st.at(p.caption.text, 'kai', CAPTION_SIZE, written(p.caption.ref))], align: 'center' };
    return fp;
  });
  return { kind: 'figure', photos, gap, captionGap: CAPTION_SIZE * 0.5, captionLeading: CAPTION_SIZE * 1.3 };
}

function widthOf(p: Photo, st: Styles): number {
  const w = p.width!;
  return Math.min(st.grid.width, 'chars' in w ? w.chars * st.grid.pitch : mm(w.mm));
}
