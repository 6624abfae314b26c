/**
 * Byte-identical .docx files: docx.js stamps the core properties with the clock and zips every part with the time of
 * packing. The package is opened and zipped again with the parts in the same order, the core properties' dates set to
 * the document's date, and every entry's time set to that day.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const CORE = 'docProps/core.xml';

export function fixTimes(zip: Uint8Array, date: Date): Uint8Array {
  const parts = unzipSync(zip);
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = parts[CORE];
  if (core) {
    parts[CORE] = strToU8(strFromU8(core).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`));
  }
  // Zip times are local wall-clock fields: built from the date's own calendar day, at noon (clear of any DST change),
  // they read the same in every time zone. Zip cannot hold a day before 1980.
  const y = Math.max(1980, date.getUTCFullYear());
  const mtime = new Date(y, y === date.getUTCFullYear() ? date.getUTCMonth() : 0, y === date.getUTCFullYear() ? date.getUTCDate() : 1, 12);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = [data, { mtime }];
  return zipSync(files, { level: 6 });
}
