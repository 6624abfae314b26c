/**
 * exceljs stamps every entry of the .xlsx (a zip) with the time of writing, and offers no way to set it; the same
 * statistics would give different bytes each run. This sets the DOS time and date of every entry — in the central
 * directory and in each local header it points to — to one given day, the only bytes that vary.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** DOS date (bits: year-1980, month, day) of YYYY-MM-DD; time 00:00:00 is 0. */
function dosDate(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return ((Math.max(1980, Math.min(2107, y)) - 1980) << 9) | (m << 5) | d;
}

/** Rewrites `zip` in place; a buffer that is not a zip as expected is left as it is (and reported). */
export function stampZip(zip: Uint8Array, iso: string): boolean {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 bytes (its comment is at most 65535 long).
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const date = dosDate(iso);
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) return false;
    const local = view.getUint32(at + 42, true);
    if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL) return false;
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, date, true);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return true;
}
