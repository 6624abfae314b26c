/**
 * Reads what layout needs of a photo — its format, pixel size and EXIF orientation — from the file's header,
 * without decoding the picture: `check` and the layout learn a photo's aspect ratio in microseconds, and only
 * the build's image step (src/pipeline/images.ts) loads the image library.
 */

export interface PhotoProbe {
  format: 'jpeg' | 'png';
  /** Pixels as stored. */
  width: number;
  height: number;
  /** EXIF orientation 1–8 (1: as stored; 5–8: stored sideways). */
  orientation: number;
}

/** What is wrong with a file that is not a JPEG or PNG we can read, as a reason in both languages. */
export interface ProbeFailure {
  zh: string;
  en: string;
}

export function probePhoto(bytes: Uint8Array): PhotoProbe | ProbeFailure {
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return probePng(bytes);
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return probeJpeg(bytes);
  return { zh: '不是 JPEG 或 PNG 图片（文件头不对，可能已损坏或是别的格式）', en: 'not a JPEG or PNG image (wrong header: damaged, or another format)' };
}

export const isProbe = (p: PhotoProbe | ProbeFailure): p is PhotoProbe => 'format' in p;

/** Width and height as the photo is seen: orientations 5–8 swap them. */
export function uprightSize(p: PhotoProbe): { width: number; height: number } {
  return p.orientation >= 5 && p.orientation <= 8 ? { width: p.height, height: p.width } : { width: p.width, height: p.height };
}

function probePng(b: Uint8Array): PhotoProbe | ProbeFailure {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const type = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
  const width = dv.getUint32(16);
  const height = dv.getUint32(20);
  if (type !== 'IHDR' || width === 0 || height === 0) return { zh: 'PNG 文件已损坏（没有有效的 IHDR）', en: 'damaged PNG (no valid IHDR)' };
  return { format: 'png', width, height, orientation: 1 };
}

/** SOF markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames. */
const isSof = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function probeJpeg(b: Uint8Array): PhotoProbe | ProbeFailure {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let orientation = 1;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) break;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    const len = dv.getUint16(i + 2);
    if (len < 2 || i + 2 + len > b.length) break;
    const seg = i + 4;
    if (marker === 0xe1 && len >= 16 && String.fromCharCode(...b.subarray(seg, seg + 4)) === 'Exif') orientation = exifOrientation(dv, seg + 6, i + 2 + len) ?? orientation;
    if (isSof(marker) && len >= 8) {
      const height = dv.getUint16(seg + 1);
      const width = dv.getUint16(seg + 3);
      if (!width || !height) break;
      return { format: 'jpeg', width, height, orientation };
    }
    i += 2 + len;
  }
  return { zh: 'JPEG 文件已损坏或不完整（找不到图像尺寸）', en: 'damaged or truncated JPEG (no frame size found)' };
}

/** Tag 0x0112 of IFD0 in the TIFF structure at `tiff`; undefined when absent or unreadable. */
function exifOrientation(dv: DataView, tiff: number, end: number): number | undefined {
  if (tiff + 8 > end) return undefined;
  const little = dv.getUint16(tiff) === 0x4949;
  const u16 = (o: number): number => dv.getUint16(o, little);
  const ifd = tiff + dv.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return undefined;
  const n = u16(ifd);
  for (let k = 0; k < n; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > end) return undefined;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : undefined;
    }
  }
  return undefined;
}
